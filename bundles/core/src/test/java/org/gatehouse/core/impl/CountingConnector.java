package org.gatehouse.core.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * A connector of kind {@code count} whose query text is a row count; every second row is skipped when the query
 * says step=2. It fails with {@link #failWith} when set, reports {@link #warnings}, and remembers what it was last
 * tested with.
 */
final class CountingConnector implements Connector {

    ConnectorException failWith;
    /** What every read reports as warnings once its rows are read. */
    List<String> warnings = List.of();
    int opened;
    int closed;
    Credentials testedWith;
    Set<AuthenticationType> supported = EnumSet.of(AuthenticationType.ANONYMOUS, AuthenticationType.BASIC,
            AuthenticationType.WINDOWS);

    @Override
    public String kind() {
        return "count";
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return supported;
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        testedWith = credentials;
        if (failWith != null) {
            throw failWith;
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        if (failWith != null) {
            throw failWith;
        }
        opened++;
        long limit = Long.parseLong(query.text());
        long step = Long.parseLong(query.options().getOrDefault("step", "1"));
        return new RowSource() {
            long next;

            @Override
            public Schema schema() {
                return new Schema(List.of(new Column("n", ColumnType.LONG)));
            }

            @Override
            public boolean next(Object[] row) throws ConnectorException {
                if (next >= limit) {
                    return false;
                }
                row[0] = next;
                next += step;
                return true;
            }

            @Override
            public List<String> warnings() {
                return warnings.stream().map(w -> query.name() + ": " + w).toList();
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }
}
