package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** The "g" era specifier as the reference page "Custom date and time format strings" shows it: A.D., ap. J.-C. */
public class DateEraFormatTest {

    @Test
    public void eraNamesFollowTheCulture() {
        same("\"08/04/0070 A.D.\"", "Date.ToText(#date(70, 08, 04), [Format = \"MM/dd/yyyy g\", Culture = \"\"])");
        same("\"08/04/0070 ap. J.-C.\"", "Date.ToText(#date(70, 08, 04), [Format = \"MM/dd/yyyy g\", Culture = \"fr-FR\"])");
        same("\"2024 A.D.\"", "Date.ToText(#date(2024, 1, 1), [Format = \"yyyy gg\", Culture = \"en-US\"])");
    }
}
