package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Text.PositionOf of an empty text: .NET's String.IndexOf("") is 0, and the search must end (it looped forever,
 * collecting positions until the heap ran out). Expressions are ours.
 */
public class TextPositionOfEmptyTest {

    @Test(timeout = 10000)
    public void anEmptyTextIsFoundAtEveryPosition() {
        same("0", "Text.PositionOf(\"abc\", \"\")");
        same("{0, 1, 2, 3}", "Text.PositionOf(\"abc\", \"\", Occurrence.All)");
        same("0", "Text.PositionOf(\"\", \"\")");
        same("{1, 4}", "Text.PositionOf(\"abcabc\", \"bc\", Occurrence.All)");
    }
}
