package org.gatehouse.powerquery.impl.value;

import java.util.Set;

/**
 * What a Table.Sort result was sorted from: the unsorted table, the criteria as the query gave them, and the columns
 * they name.
 */
public record SortOrigin(MTable unsorted, Object criteria, Set<String> columns) {
}
