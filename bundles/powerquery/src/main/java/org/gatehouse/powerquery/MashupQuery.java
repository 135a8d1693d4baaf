package org.gatehouse.powerquery;

import java.util.List;

/**
 * A query's load settings from the DataMashup metadata: whether Excel loads it to a sheet table (FillEnabled), the
 * target table, the column names of its last load and how that load ended (ResultType, e.g. Table or Exception).
 */
public record MashupQuery(String name, boolean loadedToSheet, String fillTarget, List<String> fillColumnNames,
        String resultType, Long fillCount) { }
