package org.gatehouse.scheduler.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What Quartz's job store holds in the gateway store, read with plain SQL. */
final class JobStoreRows {

    private JobStoreRows() {
    }

    /** The names of the schedules' triggers, sorted. */
    static List<String> triggers(DataSource store) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = '"
                     + ScheduleRoutes.TRIGGER_GROUP + "' ORDER BY TRIGGER_NAME")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
