package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertTrue;

import org.gatehouse.api.Column;
import org.gatehouse.api.Schema;

final class RowAssertions {

    private RowAssertions() {
    }

    /** Every non-null value is exactly of its column type's Java class, as the RowSource contract demands. */
    static void assertValuesHaveTheirColumnTypes(Schema schema, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            Column column = schema.column(i);
            if (row[i] != null) {
                assertTrue(column + " holds a " + row[i].getClass().getName(),
                        column.type().javaType() == row[i].getClass());
            }
        }
    }
}
