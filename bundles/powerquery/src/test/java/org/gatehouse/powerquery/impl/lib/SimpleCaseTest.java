package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import java.util.Locale;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Case changes map one character to one, as .NET's TextInfo does, and the JVM's default locale never counts: the
 * tests run with a Turkish default locale, where Java's own "TITLE".toLowerCase() is "tıtle".
 */
public class SimpleCaseTest {

    private Locale before;

    @Before
    public void turkishMachine() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @After
    public void restore() {
        Locale.setDefault(before);
    }

    @Test
    public void oneCharacterForOne() {
        same("\"STRAßE\"", "Text.Upper(\"straße\")");
        same("\"ﬁ\"", "Text.Upper(\"ﬁ\")");
        same("\"σοφοσ\"", "Text.Lower(\"ΣΟΦΟΣ\")");
        same("\"i\"", "Text.Lower(\"İ\")");
        same("\"Straße Ist\"", "Text.Proper(\"STRAßE IST\")");
    }

    @Test
    public void aTurkishCultureArgumentStillHasItsIs() {
        same("\"İSTANBUL\"", "Text.Upper(\"istanbul\", \"tr-TR\")");
        same("\"ıi\"", "Text.Lower(\"Iİ\", \"tr-TR\")");
        same("\"ISTANBUL\"", "Text.Upper(\"istanbul\")");
    }

    @Test
    public void theMachinesLocaleDoesNotChangeIgnoreCaseSearchesOrTypeNames() {
        same("true", "Text.Contains(\"TITLE\", \"title\", Comparer.OrdinalIgnoreCase)");
        same("true", "Text.StartsWith(\"Invoice\", \"INV\", Comparer.OrdinalIgnoreCase)");
        same("{1}", "Text.PositionOf(\"xINFO\", \"info\", Occurrence.All, Comparer.OrdinalIgnoreCase)");
        same("type number", "Int64.Type");
        same("\"int64\"", "Text.Lower(\"INT64\")");
        same("\"08:05:00\"", "Text.From(#duration(0, 8, 5, 0))");
    }
}
