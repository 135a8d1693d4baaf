package org.gatehouse.connector.sql.impl;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC drivers installed right now, each asked in turn whether it accepts a URL.
 * <p>
 * DriverManager is of no use in OSGi: it only sees drivers visible to the caller's class loader. Instead, each
 * driver bundle registers an {@code org.osgi.service.jdbc.DataSourceFactory} service, and every driver it creates
 * arrives here, tagged with where it came from so it can leave when its bundle does. When two drivers accept the same
 * URL, the usual OSGi order decides: highest service ranking, then the one that arrived first.
 */
final class JdbcDrivers {

    private record Candidate(Object origin, Driver driver, int ranking, long arrival) {
    }

    private static final Comparator<Candidate> PREFERRED_FIRST = Comparator
            .comparingInt(Candidate::ranking).reversed()
            .thenComparingLong(Candidate::arrival);

    private final List<Candidate> candidates = new CopyOnWriteArrayList<>();
    private final AtomicLong arrivals = new AtomicLong();

    /** Adds a driver; {@code origin} is what identifies it when it goes away (its DataSourceFactory). */
    void add(Object origin, Driver driver, int ranking) {
        candidates.add(new Candidate(origin, driver, ranking, arrivals.incrementAndGet()));
    }

    void remove(Object origin) {
        candidates.removeIf(candidate -> candidate.origin() == origin);
    }

    Optional<Driver> forUrl(String url) {
        return candidates.stream()
                .sorted(PREFERRED_FIRST)
                .map(Candidate::driver)
                .filter(driver -> accepts(driver, url))
                .findFirst();
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            return false; // a driver that cannot tell is not the one to use
        }
    }
}
