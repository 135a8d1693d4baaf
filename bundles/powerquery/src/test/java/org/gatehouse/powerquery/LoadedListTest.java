package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/**
 * A query whose result is a list loads one row per item in a column named "Value" (a ru-RU workbook's list query,
 * Lirollel/Work_Virom_PowerQuery-Python-Bash "Заполнение пробелов6 v3.xlsx" Fasta2, is cached so: table ref A1:A3,
 * its one column "Value"); any other non-table value still loads as one cell named after the query.
 */
public class LoadedListTest {

    private static QueryResult load(String expression) {
        return PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", new LocalFileAccess());
    }

    @Test
    public void aListLoadsAsAValueColumn() {
        QueryResult r = load("{\"first\", \"second\"}");
        assertEquals(List.of("Value"), r.columnNames());
        assertEquals(List.of(List.of("first"), List.of("second")), r.rows());
    }

    @Test
    public void aStreamedListIsTheSameValueColumn() {
        QueryStream s = PowerQuery.stream("section S; shared Q = {1, 2};", "Q", new LocalFileAccess());
        assertEquals("Value", s.columns().get(0).name());
        assertEquals(List.of(1.0), s.next());
        assertEquals(List.of(2.0), s.next());
    }

    @Test
    public void aScalarStillLoadsAsOneCellNamedAfterTheQuery() {
        QueryResult r = load("\"one\"");
        assertEquals(List.of("Q"), r.columnNames());
        assertEquals(List.of(List.of("one")), r.rows());
    }
}
