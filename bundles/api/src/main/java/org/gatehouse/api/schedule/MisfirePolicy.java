package org.gatehouse.api.schedule;

import java.util.Locale;

/** What happens to a slot that fell while the gateway was not running. */
public enum MisfirePolicy {
    /** The missed slot is recorded as missed and the next slot runs (the reference gateway's behaviour). */
    SKIP,
    /** One catch-up refresh when the gateway is back, however many slots were missed. */
    RUN_ONCE;

    /** The shell's spelling: {@code skip}, {@code run-once}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the shell's spelling; refuses anything else with a one-line IllegalArgumentException. */
    public static MisfirePolicy fromOption(String text) {
        for (MisfirePolicy policy : values()) {
            if (policy.option().equalsIgnoreCase(text.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown misfire policy '" + text + "': use skip or run-once");
    }
}
