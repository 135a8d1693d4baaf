package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;

import java.sql.Driver;

import org.junit.Test;

public class JdbcDriversTest {

    private final Driver h2 = new org.h2.Driver();
    private final Driver postgres = new org.postgresql.Driver();
    private final Driver otherH2 = new org.h2.Driver();
    private final JdbcDrivers drivers = new JdbcDrivers();

    @Test
    public void picksTheDriverThatAcceptsTheUrl() {
        drivers.add("h2", h2, 0);
        drivers.add("pg", postgres, 0);

        assertSame(h2, drivers.forUrl("jdbc:h2:mem:x").orElseThrow());
        assertSame(postgres, drivers.forUrl("jdbc:postgresql://h/db").orElseThrow());
        assertFalse(drivers.forUrl("jdbc:xyz:db").isPresent());
    }

    @Test
    public void prefersHigherRankingThenEarlierArrival() {
        drivers.add("first", h2, 0);
        drivers.add("second", otherH2, 0);
        assertSame(h2, drivers.forUrl("jdbc:h2:mem:x").orElseThrow());

        drivers.add("ranked", postgres, 0);
        Driver ranked = new org.h2.Driver();
        drivers.add("ranked-h2", ranked, 10);
        assertSame(ranked, drivers.forUrl("jdbc:h2:mem:x").orElseThrow());
    }

    @Test
    public void forgetsADriverWhenItsOriginLeaves() {
        Object factory = new Object();
        drivers.add(factory, h2, 0);

        drivers.remove(factory);

        assertFalse(drivers.forUrl("jdbc:h2:mem:x").isPresent());
    }
}
