package org.gatehouse.connector.sql.impl;

import java.sql.Driver;

import org.gatehouse.api.Connector;

/** The sql connector outside OSGi with these JDBC drivers, for other modules' tests. */
public final class SqlConnectors {

    private SqlConnectors() {
    }

    public static Connector withDrivers(Driver... drivers) {
        return new SqlConnector(drivers);
    }
}
