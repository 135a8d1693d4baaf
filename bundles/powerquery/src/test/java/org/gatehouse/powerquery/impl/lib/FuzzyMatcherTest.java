package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.junit.Test;

/** FuzzyMatcher's scores, computed by hand from its definition: shared characters of paired words over all characters. */
public class FuzzyMatcherTest {

    private static FuzzyMatcher matcher(MRecord options) {
        return new FuzzyMatcher(options, "test");
    }

    private static double score(FuzzyMatcher m, Object a, Object b) {
        return m.similarity(m.new Key(new Object[] {a}), m.new Key(new Object[] {b}));
    }

    private static double score(Object a, Object b) {
        return score(matcher(MRecord.of()), a, b);
    }

    @Test
    public void singleWordsScoreOneMinusDistanceOverBothLengths() {
        assertEquals(1.0, score("Kettle", "kettle"), 0);
        assertEquals(10.0 / 11, score("kettl", "Kettle"), 1e-15); // one deletion over 11 characters
        assertEquals(9.0 / 10, score("hamer", "hammr"), 1e-15); // one substitution over 10
        assertEquals(12.0 / 13, score("tomatoe", "Tomato"), 1e-15); // one insertion over 13
        // four edits over 13 characters, still more than half shared
        assertEquals(9.0 / 13, score("tomatoe", "potata"), 1e-15);
        // equal lengths with nothing in common: three substitutions leave 3 of 6, not more than half, so nothing
        assertEquals(0, score("abc", "xyz"), 0);
        assertEquals(3, FuzzyMatcher.distance("kitten", "sitting"));
    }

    @Test
    public void punctuationAndWordOrderAreIgnored() {
        assertEquals(1.0, score("red, green & blue", "Blue green red"), 0);
        // an extra word costs its characters: 3 + 5 shared twice over 3 + 5 + 4 + 3 + 5
        assertEquals(16.0 / 20, score("red green", "green red blue"), 1e-15);
    }

    @Test
    public void nullsMatchNothing() {
        assertEquals(0, score(null, null), 0);
        assertEquals(0, score("a", null), 0);
    }

    @Test
    public void caseOption() {
        FuzzyMatcher strict = matcher(MRecord.of("IgnoreCase", false));
        assertEquals(1.0, score("ABC", "abc"), 0);
        assertEquals(0.0, score(strict, "ABC", "abc"), 0);
        assertEquals(5.0 / 6, score(strict, "Bob", "BoB"), 1e-15);
    }

    @Test
    public void spaceOptionCombinesLetterWordsAtTheDocumentedPenalty() {
        assertEquals(0.95, score("Sun flower", "sunflower"), 0);
        assertEquals(0.95, score("sunflower", "Sun flower"), 0);
        FuzzyMatcher apart = matcher(MRecord.of("IgnoreSpace", false));
        // sunflower pairs with flower (15 - 3 = 12 shared), sun stays alone: 12 / 18
        assertEquals(12.0 / 18, score(apart, "Sun flower", "sunflower"), 1e-15);
        // a one-letter word and a number are not combined
        assertEquals(0.75, score("Q 365", "Q365"), 1e-15);
    }

    @Test
    public void transformationTableMapsWordsAtMostToPointNinetyFive() {
        MTable mapping = new MTable(List.of("From", "To"), List.of(MType.TEXT, MType.TEXT),
                List.<Object[]>of(new Object[] {"NYC", "New York"}));
        FuzzyMatcher m = matcher(MRecord.of("TransformationTable", mapping));
        assertEquals(0.95, score(m, "nyc", "New York"), 0);
        assertEquals(0.95, score(m, "NYC office", "new york office"), 0);
        assertEquals(1.0, score(m, "New York", "new york"), 0);
        assertTrue(score("nyc", "New York") < 0.5);
        MTable wrongColumns = new MTable(List.of("A", "B"), List.of(MType.TEXT, MType.TEXT),
                List.<Object[]>of(new Object[] {"NYC", "New York"}));
        assertTrue(score(matcher(MRecord.of("TransformationTable", wrongColumns)), "nyc", "New York") < 0.5);
    }

    @Test
    public void thresholdIsInclusive() {
        FuzzyMatcher at = matcher(MRecord.of("Threshold", 10.0 / 11));
        assertTrue(at.matches(score(at, "plate", "plates")));
        FuzzyMatcher above = matcher(MRecord.of("Threshold", Math.nextUp(10.0 / 11)));
        assertFalse(above.matches(score(above, "plate", "plates")));
        assertEquals(0.8, matcher(MRecord.of()).threshold, 0);
    }

    @Test
    public void severalKeyColumnsAddTheirCharacters() {
        FuzzyMatcher m = matcher(MRecord.of());
        // first names 4 + 4 shared of 8, surnames 6 + 5 - 1 = 10 of 11: 18 / 19
        double s = m.similarity(m.new Key(new Object[] {"Anna", "Fisher"}), m.new Key(new Object[] {"anna", "Fiser"}));
        assertEquals(18.0 / 19, s, 1e-15);
        // words never pair across columns (anna and fisher share nothing)
        double crossed = m.similarity(m.new Key(new Object[] {"Anna", "Fisher"}), m.new Key(new Object[] {"Fisher", "Anna"}));
        assertEquals(0.0, crossed, 0);
    }

    /** The outcomes FuzzyMatcher's class comment claims for the words of Microsoft's articles, at the default 0.80. */
    @Test
    public void outcomesClaimedForTheDocumentedWords() {
        FuzzyMatcher m = matcher(MRecord.of());
        String[][] matched = {{"seattl", "Seattle"}, {"Seatle", "Seattle"}, {"vancover", "Vancouver"}, {"bOB", "Bob"},
            {"Aple", "Apple"}, {"watermln", "Watermelon"}, {"watermleon", "Watermelon"}, {"Bannans", "Banana"},
            {"Water melon", "Watermelon"}, {"migueeel", "Miguel"}, {"billy", "Bill"}, {"sples", "Apples"},
            {"4ppl3s", "Apples"}, {"Banas", "Bananas"}, {"Gra pes", "Grapes"}, {"Micro soft", "Microsoft"}};
        for (String[] p : matched) {
            assertTrue(p[0] + " ~ " + p[1] + " = " + score(m, p[0], p[1]), m.matches(score(m, p[0], p[1])));
        }
        String[][] apart = {{"Robert", "Bob"}, {"Seattle", "Vancouver"}, {"apls", "Apple"}, {"mike", "Miguel"},
            {"Bill", "William"}, {"M 365", "M365"}, {"Pineapple", "Apple"}};
        for (String[] p : apart) {
            assertFalse(p[0] + " ~ " + p[1] + " = " + score(m, p[0], p[1]), m.matches(score(m, p[0], p[1])));
        }
        assertEquals(0.95, score(m, "Water melon", "Watermelon"), 0);
        assertEquals(10.0 / 11, score(m, "Graes", "Grapes"), 1e-15);
        assertEquals(12.0 / 14, score(m, "migueeel", "Miguel"), 1e-15);
    }
}
