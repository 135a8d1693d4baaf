package org.gatehouse.core.impl.store;

import java.util.List;

/**
 * One step of the store's schema: the statements that take a store from {@code version - 1} to {@code version}.
 * Statements are plain SQL that both H2 2.2 and PostgreSQL 15 run, and use {@code IF NOT EXISTS} so a step that H2
 * half-applied (it commits DDL at once) can run again.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        statements = List.copyOf(statements);
    }
}
