package org.gatehouse.demo.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Fills a {@code sales} table with made-up but plausible orders. Seeded, so every gateway's demo data is the same
 * and a refresh's row count and totals can be compared across machines.
 */
final class SalesGenerator {

    private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    private static final String[] PRODUCTS = {"Widget", "Gadget", "Sprocket", "Gizmo", "Doohickey", "Thingamajig",
        "Whatsit", "Contraption"};
    private static final String[] CUSTOMERS = {"Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove",
        "Litware", "Adventure Works", "Wingtip", "Proseware", "Lucerne"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int BATCH = 5_000;

    private SalesGenerator() {
    }

    static void createAndFill(Connection connection, int rows) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE sales (id BIGINT PRIMARY KEY, order_date DATE NOT NULL, "
                    + "region VARCHAR(20) NOT NULL, product VARCHAR(40) NOT NULL, customer VARCHAR(40) NOT NULL, "
                    + "quantity INTEGER NOT NULL, unit_price DECIMAL(10,2) NOT NULL, amount DECIMAL(12,2) NOT NULL, "
                    + "shipped_at TIMESTAMP, express BOOLEAN NOT NULL)");
        }
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(20261128L);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sales VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                LocalDate orderDate = FIRST_DAY.plusDays(random.nextInt(730));
                int quantity = 1 + random.nextInt(50);
                BigDecimal unitPrice = BigDecimal.valueOf(199 + random.nextInt(99_800), 2);
                insert.setLong(1, id);
                insert.setDate(2, Date.valueOf(orderDate));
                insert.setString(3, REGIONS[random.nextInt(REGIONS.length)]);
                insert.setString(4, PRODUCTS[random.nextInt(PRODUCTS.length)]);
                insert.setString(5, CUSTOMERS[random.nextInt(CUSTOMERS.length)]);
                insert.setInt(6, quantity);
                insert.setBigDecimal(7, unitPrice);
                insert.setBigDecimal(8, unitPrice.multiply(BigDecimal.valueOf(quantity)));
                // one order in ten has not shipped yet
                insert.setTimestamp(9, random.nextInt(10) == 0 ? null : Timestamp.valueOf(
                        orderDate.plusDays(1 + random.nextInt(10)).atTime(8 + random.nextInt(10),
                                random.nextInt(60))));
                insert.setBoolean(10, random.nextInt(4) == 0);
                insert.addBatch();
                if (id % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }
}
