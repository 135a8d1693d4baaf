package org.gatehouse.powerquery.impl.value;

/** A value carrying a metadata record ({@code x meta [...]}); operators see only {@code value}. */
public record WithMeta(Object value, MRecord metadata) { }
