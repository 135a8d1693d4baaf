package org.gatehouse.connector.sql.impl;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as a value of its column type's Java class, or null. */
@FunctionalInterface
interface ColumnReader {

    Object read(ResultSet row, int column) throws SQLException;
}
