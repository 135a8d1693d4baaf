package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a left outer merge ({@code Table.NestedJoin(..., JoinKind.LeftOuter)}) gives its left rows, as
 * Power Query's pairwise hash join produces it. That join reads a left row and a right row in turn, filing each row's
 * key in one lookup in the order keys are first seen, until one side runs out. The left rows read by then come out
 * grouped by key, in the lookup's order; the left rows read after the right side ran out follow in their own order.
 * So when the right table has R rows and the left more, the first R + 1 left rows are regrouped, and a left table as
 * long as the right one is regrouped entirely. When the left side runs out first (a left table shorter than the
 * right), the join reads the rest of the right rows and the left rows come in the order of their keys in the right
 * table, the left rows without a match following in their own order (the latter unverified).
 * <p>
 * Evidence: three queries of two workbooks of the real-workbook corpus. Merging 89 ticket rows with a 13-city currency table, Excel
 * shows the first 14 rows grouped by city. Merging 611 job rows with a 51-state table, it shows the first 52 grouped
 * by state, the groups in the order their keys entered the lookup from either side (Arizona, fourth in the state
 * table, comes before California, whose first job row is earlier but whose state row comes later). Merging 56
 * samples of a ru-RU workbook with a 230-row register sorted by number, Excel lists the samples in the register's
 * order, not in their own; in another workbook of the same author, 48 isolates merged with 48 subtypes come
 * regrouped in the lookup's order (isolate 1096, whose subtype row is first, second after 1013).
 */
final class PairwiseMergeOrder {

    private PairwiseMergeOrder() {
    }

    /**
     * The left rows in the order the merge gives them. A left table that appends tables ({@code partSizes}, the row
     * count of each; null for a single table) is merged part by part, as Power Query moves a merge of appended tables
     * into each of them: in the corpus's ticket workbook, the first rows of the second appended table come regrouped
     * too.
     */
    static List<Object[]> of(List<Object[]> left, int[] partSizes, int[] leftKeys, List<Object[]> right,
            int[] rightKeys) {
        if (partSizes == null) {
            return of(left, leftKeys, right, rightKeys);
        }
        List<Object[]> ordered = new ArrayList<>(left.size());
        int start = 0;
        for (int size : partSizes) {
            ordered.addAll(of(left.subList(start, start + size), leftKeys, right, rightKeys));
            start += size;
        }
        return ordered;
    }

    private static List<Object[]> of(List<Object[]> left, int[] leftKeys, List<Object[]> right, int[] rightKeys) {
        if (left.size() < right.size()) {
            return inRightOrder(left, leftKeys, right, rightKeys);
        }
        Map<GroupKey, List<Object[]>> lookup = new LinkedHashMap<>();
        int read = 0;
        for (; read < left.size(); read++) {
            Object[] l = left.get(read);
            lookup.computeIfAbsent(new GroupKey(l, leftKeys), k -> new ArrayList<>()).add(l);
            if (read == right.size()) {
                read++; // the right side has run out: this left row was the last one read in pairs
                break;
            }
            lookup.computeIfAbsent(new GroupKey(right.get(read), rightKeys), k -> new ArrayList<>());
        }
        List<Object[]> ordered = new ArrayList<>(left.size());
        lookup.values().forEach(ordered::addAll);
        ordered.addAll(left.subList(read, left.size()));
        return ordered;
    }

    /** The left rows of each key in the order the right rows name the keys, then the unmatched ones. */
    private static List<Object[]> inRightOrder(List<Object[]> left, int[] leftKeys, List<Object[]> right,
            int[] rightKeys) {
        Map<GroupKey, List<Object[]>> byKey = new LinkedHashMap<>();
        for (Object[] l : left) {
            byKey.computeIfAbsent(new GroupKey(l, leftKeys), k -> new ArrayList<>()).add(l);
        }
        List<Object[]> ordered = new ArrayList<>(left.size());
        for (Object[] r : right) {
            List<Object[]> matches = byKey.remove(new GroupKey(r, rightKeys));
            if (matches != null) {
                ordered.addAll(matches);
            }
        }
        byKey.values().forEach(ordered::addAll);
        return ordered;
    }
}
