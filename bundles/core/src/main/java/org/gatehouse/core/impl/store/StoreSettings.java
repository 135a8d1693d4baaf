package org.gatehouse.core.impl.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the gateway store lives and how much history it keeps.
 *
 * @param url                  JDBC URL
 * @param user                 database user, empty for none
 * @param password             database password, empty for none; never part of {@link #toString()}
 * @param retentionDays        history older than this is removed
 * @param maxEntriesPerDataset history beyond this many entries per dataset is removed, oldest first
 */
public record StoreSettings(String url, String user, String password, int retentionDays, int maxEntriesPerDataset) {

    private static final String H2 = "jdbc:h2:";
    private static final String RETRY = "retry:";

    public StoreSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the store URL must not be empty");
        }
        url = url.trim();
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1, not " + retentionDays);
        }
        if (maxEntriesPerDataset < 1) {
            throw new IllegalArgumentException("maxEntriesPerDataset must be at least 1, not " + maxEntriesPerDataset);
        }
    }

    static StoreSettings from(StoreConfig config) {
        String url = config.url() == null || config.url().isBlank() ? defaultUrl() : config.url();
        return new StoreSettings(retryingOnInterrupt(url.trim()), config.user(), config.password(),
                config.retentionDays(), config.maxEntriesPerDataset());
    }

    /**
     * An embedded H2 file database on H2's {@code retry:} file system (see {@link #defaultUrl()} for why); other
     * URLs, and H2 URLs that name a file system or a server, unchanged.
     */
    static String retryingOnInterrupt(String url) {
        if (!url.startsWith(H2)) {
            return url;
        }
        String name = url.substring(H2.length());
        if (name.startsWith("file:")) {
            return H2 + RETRY + name.substring("file:".length());
        }
        if (name.matches("^[A-Za-z][A-Za-z]+:.*") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            return url; // mem:, tcp:, retry:, nio:, ... (a Windows drive letter is a file)
        }
        return H2 + RETRY + name;
    }

    /** The embedded H2 database inside the gateway's data directory, so it moves and is backed up with it. */
    static String defaultUrl() {
        String data = System.getProperty("karaf.data");
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("org.gatehouse.store has no url and the system property karaf.data "
                    + "(the gateway's data directory) is not set");
        }
        // WRITE_DELAY=0: a commit is on disk when it returns, so a definition or sign-in made just before a power cut
        // or a kill is not lost (H2 otherwise writes committed changes up to a second later).
        // retry: H2's file system that reopens the file when a writing thread is interrupted. Without it, one
        // interrupted thread (Quartz's, when the scheduler stops mid-commit) closes the file channel and with it the
        // store for every bundle: "ClosedByInterruptException", seen in ScheduleIT.
        return H2 + RETRY + Path.of(data, "gatehouse", "store") + ";WRITE_DELAY=0";
    }

    /** The file an embedded H2 database keeps its data in, when the URL names a file database. */
    Optional<Path> h2File() {
        if (!url.startsWith(H2)) {
            return Optional.empty();
        }
        String name = url.substring(H2.length());
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith(RETRY)) {
            name = name.substring(RETRY.length());
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^(mem|tcp|ssl|zip|split|nio[A-Za-z]*|async|memFS|memLZF):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath());
    }

    /** What to call the store in messages: its file when it is an embedded database, else its URL. */
    String description() {
        return h2File().map(file -> "file " + file).orElseGet(this::urlWithoutPassword);
    }

    /** The URL with a password in it (PostgreSQL allows {@code ?password=}) masked. */
    String urlWithoutPassword() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public String toString() {
        return "store " + urlWithoutPassword() + (user.isEmpty() ? "" : " as " + user) + ", history kept "
                + retentionDays + " days, at most " + maxEntriesPerDataset + " per dataset";
    }
}
