package org.gatehouse.powerquery;

import java.util.List;

/** The Power Query part of a workbook: its section document ({@code Formulas/Section1.m}) and each query's metadata. */
public record WorkbookMashup(String sectionDocument, List<MashupQuery> queries) {

    public List<MashupQuery> loadedQueries() {
        return queries.stream().filter(MashupQuery::loadedToSheet).toList();
    }
}
