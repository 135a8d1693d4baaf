package org.gatehouse.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the relay is and how to sign in to it, from what an owner or a service writes in its settings:
 * <ul>
 * <li>an AMQP URL, {@code amqp://host:port} or {@code amqps://host:port}, optionally with {@code user:password@}
 * (SASL PLAIN), or with the user and password given separately;</li>
 * <li>an Azure Service Bus connection string, {@code Endpoint=sb://NS.servicebus.windows.net/;
 * SharedAccessKeyName=NAME;SharedAccessKey=KEY}, which becomes {@code amqps://NS.servicebus.windows.net:5671} with
 * SASL PLAIN user = key name, password = key: the way Microsoft documents AMQP 1.0 clients for Service Bus.</li>
 * </ul>
 * {@link #toString()} never shows the password.
 */
public final class RelayEndpoint {

    private static final int AMQP_PORT = 5672;
    private static final int AMQPS_PORT = 5671;
    /** Service Bus closes links idle for long; Microsoft's guidance for Qpid JMS is a 120 s idle timeout. */
    private static final int SERVICE_BUS_IDLE_TIMEOUT_MS = 120_000;

    private final boolean tls;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean serviceBus;

    private RelayEndpoint(boolean tls, String host, int port, String user, String password, boolean serviceBus) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.serviceBus = serviceBus;
    }

    /**
     * Parses a relay setting.
     *
     * @param urlOrConnectionString an AMQP URL or a Service Bus connection string
     * @param user                  SASL user for an AMQP URL without one; may be null
     * @param password              SASL password for an AMQP URL without one; may be null
     * @throws IllegalArgumentException saying what is wrong with the setting (never echoing a key)
     */
    public static RelayEndpoint parse(String urlOrConnectionString, String user, String password) {
        if (urlOrConnectionString == null || urlOrConnectionString.isBlank()) {
            throw new IllegalArgumentException("no relay URL or connection string is configured");
        }
        String setting = urlOrConnectionString.trim();
        if (setting.regionMatches(true, 0, "Endpoint=", 0, 9)) {
            return fromServiceBusConnectionString(setting);
        }
        return fromAmqpUrl(setting, user, password);
    }

    private static RelayEndpoint fromAmqpUrl(String url, String user, String password) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("relay URL is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "amqp" -> false;
            case "amqps" -> true;
            default -> throw new IllegalArgumentException(
                    "relay URL must start with amqp:// or amqps:// (or be a Service Bus connection string)");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("relay URL has no host");
        }
        String urlUser = user;
        String urlPassword = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = decode(parts[0]);
            urlPassword = parts.length > 1 ? decode(parts[1]) : password;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? AMQPS_PORT : AMQP_PORT;
        return new RelayEndpoint(tls, uri.getHost(), port, blankToNull(urlUser), blankToNull(urlPassword), false);
    }

    private static RelayEndpoint fromServiceBusConnectionString(String connectionString) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : connectionString.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Service Bus connection string has a part without '=': "
                        + part.substring(0, Math.min(part.length(), 20)));
            }
            // keys are case-insensitive in Microsoft's SDKs; values keep their case (the key is base64)
            parts.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        if (parts.containsKey("sharedaccesssignature")) {
            throw new IllegalArgumentException("Service Bus connection strings with a SharedAccessSignature are not "
                    + "supported; use one with SharedAccessKeyName and SharedAccessKey");
        }
        URI endpoint;
        try {
            endpoint = new URI(parts.getOrDefault("endpoint", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Service Bus Endpoint is not a valid URI: " + e.getReason());
        }
        if (!"sb".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("Service Bus Endpoint must look like sb://NAMESPACE.servicebus.windows.net/");
        }
        String keyName = parts.get("sharedaccesskeyname");
        String key = parts.get("sharedaccesskey");
        if (keyName == null || keyName.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Service Bus connection string needs SharedAccessKeyName and SharedAccessKey");
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : AMQPS_PORT;
        return new RelayEndpoint(true, endpoint.getHost(), port, keyName, key, true);
    }

    /** The Qpid JMS connection URI for one attempt at this endpoint. */
    public String connectionUri() {
        String uri = (tls ? "amqps://" : "amqp://") + host + ":" + port;
        return serviceBus ? uri + "?amqp.idleTimeout=" + SERVICE_BUS_IDLE_TIMEOUT_MS : uri;
    }

    public boolean isTls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** SASL user, or null for an anonymous connection. */
    public String user() {
        return user;
    }

    /** SASL password, or null. */
    public String password() {
        return password;
    }

    public boolean isServiceBus() {
        return serviceBus;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return connectionUri() + (user == null ? "" : " as " + user);
    }
}
