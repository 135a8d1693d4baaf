package org.gatehouse.powerquery.impl.syntax;

/** The lexical classes of M tokens. Keywords and operators keep their text in {@link Token#text()}. */
public enum TokenKind {
    IDENTIFIER,
    /** {@code #"..."}: the text is the unescaped name. */
    QUOTED_IDENTIFIER,
    KEYWORD,
    /** {@code #date}, {@code #table}, {@code #shared}...: the text includes the hash. */
    HASH_KEYWORD,
    NUMBER,
    /** A text literal: the text is the unescaped value. */
    TEXT,
    OPERATOR,
    END
}
