package org.gatehouse.powerquery;

import java.util.List;

/**
 * The Power Query part of a workbook: its section document ({@code Formulas/Section1.m}), each query's metadata and
 * the culture its author's Power Query ran in ({@code Config/Package.xml}; null when it names none), which is
 * Culture.Current for the refresh: the culture of every conversion and parse that names none.
 */
public record WorkbookMashup(String sectionDocument, List<MashupQuery> queries, String culture) {

    public WorkbookMashup(String sectionDocument, List<MashupQuery> queries) {
        this(sectionDocument, queries, null);
    }

    public List<MashupQuery> loadedQueries() {
        return queries.stream().filter(MashupQuery::loadedToSheet).toList();
    }
}
