package org.gatehouse.examples.generated;

import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.osgi.service.component.annotations.Component;

/**
 * An example Gatehouse connector, kind {@code generated}: tables of made-up but repeatable sales orders, computed as
 * they are read. Copy this project to write your own connector (docs/writing-a-connector.md): one DS component
 * offering {@link Connector}, the kind as a service property, a row source that streams.
 * <p>
 * Data source settings: {@code seed} (a whole number, default 42): the same seed gives the same rows.
 */
@Component(service = Connector.class, property = Connector.KIND_PROPERTY + "=" + GeneratedDataConnector.KIND)
public class GeneratedDataConnector implements Connector {

    static final String KIND = "generated";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return Set.of(AuthenticationType.ANONYMOUS);
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        seed(settings);
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        GeneratedQuery parsed = GeneratedQuery.parse(settings.id(), query.name(), query.text());
        return new GeneratedOrders(settings.id(), query.name(), seed(settings), parsed);
    }

    private static long seed(DataSourceSettings settings) throws ConnectorException {
        String seed = settings.get("seed", "42");
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new ConnectorException(ConnectorException.Reason.INVALID_SETTINGS,
                    "data source " + settings.id() + ": seed '" + seed + "' is not a whole number");
        }
    }
}
