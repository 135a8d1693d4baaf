package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Record.RenameFields and Record.TransformFields take the optional missingField of their reference syntax
 * (MissingField.Ignore skips a missing field, UseNull includes it as null, Error is the default); a missing field
 * failed whatever was asked (TransformFields with an index error). Expressions are ours.
 */
public class RecordMissingFieldTest {

    @Test
    public void renameFields() {
        same("[b = 1]", "Record.RenameFields([a = 1], {{\"a\", \"b\"}, {\"z\", \"y\"}}, MissingField.Ignore)");
        same("[b = 1, y = null]", "Record.RenameFields([a = 1], {{\"a\", \"b\"}, {\"z\", \"y\"}}, MissingField.UseNull)");
        fails("Expression.Error", "Record.RenameFields([a = 1], {\"z\", \"y\"})");
    }

    @Test
    public void transformFields() {
        same("[a = 2]", "Record.TransformFields([a = 1], {{\"a\", each _ + 1}, {\"z\", each 5}}, MissingField.Ignore)");
        same("[a = 2, z = null]", "Record.TransformFields([a = 1], {{\"a\", each _ + 1}, {\"z\", each 5}}, MissingField.UseNull)");
        fails("Expression.Error", "Record.TransformFields([a = 1], {\"z\", each 5})");
    }
}
