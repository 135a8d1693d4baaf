package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Json.FromValue writes compact JSON that Json.Document reads back; the values are our own. */
public class JsonFromValueTest {

    private static void json(String expected, String value) {
        same("\"" + expected.replace("\"", "\"\"") + "\"", "Text.FromBinary(Json.FromValue(" + value + "))");
    }

    @Test
    public void scalarsRecordsAndLists() {
        json("{\"region\":\"north\",\"top\":2,\"share\":0.25,\"open\":true,\"note\":null}",
                "[region = \"north\", top = 2, share = 0.25, open = true, note = null]");
        json("[1,\"two\",[3]]", "{1, \"two\", {3}}");
        json("\"quote \\\" and \\\\ back\"", "\"quote \"\" and \\ back\"");
        json("-12345678901", "-12345678901");
    }

    @Test
    public void datesTimesDurationsAndBinaries() {
        json("[\"2024-02-29\",\"2024-02-29T13:45:10\",\"13:45\",\"2024-02-29T13:45:10+02:00\"]",
                "{#date(2024, 2, 29), #datetime(2024, 2, 29, 13, 45, 10), #time(13, 45, 0), "
                        + "#datetimezone(2024, 2, 29, 13, 45, 10, 2, 0)}");
        json("[\"P1DT2H3M4.5S\",\"PT0S\",\"-PT30M\"]",
                "{#duration(1, 2, 3, 4.5), #duration(0, 0, 0, 0), -#duration(0, 0, 30, 0)}");
        json("\"AQID\"", "#binary({1, 2, 3})");
    }

    @Test
    public void tablesAreArraysOfObjectsAndRoundTrip() {
        json("[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"}]", "#table({\"a\", \"b\"}, {{1, \"x\"}, {2, \"y\"}})");
        same("[k = {1, 2}, s = \"t\"]", "Json.Document(Json.FromValue([k = {1, 2}, s = \"t\"]))");
    }

    @Test
    public void functionsHaveNoJsonForm() {
        fails("Expression.Error", "Json.FromValue(each _)");
    }
}
