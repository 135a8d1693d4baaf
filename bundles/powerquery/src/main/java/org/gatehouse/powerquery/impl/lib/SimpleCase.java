package org.gatehouse.powerquery.impl.lib;

import java.util.Locale;

/**
 * Case changes as .NET's TextInfo makes them, which Text.Upper/Lower/Proper and the ignore-case comparisons use: one
 * character for one (simple case mapping: "ß" stays "ß", "ﬁ" stays "ﬁ", a final sigma is "σ"), where Java's String
 * methods apply full mappings ("SS", "FI", "ς"). A culture changes only the Turkish and Azeri i's; the JVM's default
 * locale never counts (a gateway on a Turkish machine must still fold "TITLE" to "title").
 */
final class SimpleCase {

    private static final int DOTTED_CAPITAL_I = 0x130;
    private static final int DOTLESS_SMALL_I = 0x131;

    private SimpleCase() {
    }

    static String upper(String s, Locale locale) {
        boolean turkic = turkic(locale);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(turkic && c == 'i' ? DOTTED_CAPITAL_I : Character.toUpperCase(c)));
        return b.toString();
    }

    static String lower(String s, Locale locale) {
        boolean turkic = turkic(locale);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(turkic && c == 'I' ? DOTLESS_SMALL_I : Character.toLowerCase(c)));
        return b.toString();
    }

    /** The text as Comparer.OrdinalIgnoreCase sees it: each character's invariant upper case, then lower case. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return b.toString();
    }

    private static boolean turkic(Locale locale) {
        String language = locale.getLanguage();
        return language.equals("tr") || language.equals("az");
    }
}
