package org.gatehouse.bench.powerquery;

import java.util.Map;
import java.util.TreeMap;

/** The pipeline's result: per region the revenue (sum of amount x quantity) and the row count. */
record GroupTotals(Map<String, Double> revenue, Map<String, Long> rows) {

    GroupTotals {
        revenue = new TreeMap<>(revenue);
        rows = new TreeMap<>(rows);
    }

    long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Same groups, same counts, revenues equal to a relative 1e-9 (both sum in file order, so in practice exact). */
    boolean sameAs(GroupTotals other) {
        if (!rows.equals(other.rows) || !revenue.keySet().equals(other.revenue.keySet())) {
            return false;
        }
        for (Map.Entry<String, Double> e : revenue.entrySet()) {
            double o = other.revenue.get(e.getKey());
            if (Math.abs(e.getValue() - o) > 1e-9 * Math.max(1, Math.abs(o))) {
                return false;
            }
        }
        return true;
    }
}
