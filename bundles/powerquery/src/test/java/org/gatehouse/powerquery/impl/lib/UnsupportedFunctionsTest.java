package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.eval.M;
import org.junit.Test;

/**
 * A library function the engine knows of but cannot run says so by name, so that a workbook's failed refresh names
 * the step to replace instead of reporting an unknown identifier.
 */
public class UnsupportedFunctionsTest {

    @Test
    public void scriptAndServiceSourcesAreNamedAsNotSupported() {
        for (String call : new String[] {"Python.Execute(\"print(1)\")", "R.Execute(\"x <- 1\")",
                "Facebook.Graph(\"https://graph.facebook.com/v2.8/me\")", "Web.Page(\"<table></table>\")"}) {
            String name = call.substring(0, call.indexOf('('));
            try {
                M.eval(call);
                fail(name + " cannot run here");
            } catch (MException e) {
                assertEquals("Expression.Error", e.reason());
                assertEquals("The function " + name + " is not supported.", e.getMessage());
            }
        }
    }
}
