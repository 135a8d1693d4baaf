package org.gatehouse.relay.impl;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.protocol.ErrorCode;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RequestMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's administrative requests: defining and removing data sources and datasets and signing data sources
 * in, through the same {@link GatewayDefinitions} the owner's shell uses (so the same rules apply). A secret arrives
 * only sealed with the gateway's public key and is opened by the vault; a plain one is refused.
 */
final class AdminRequests {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRequests.class);
    static final String REQUESTER = "relay";

    private final Supplier<GatewayDefinitions> definitions;
    private final Supplier<CredentialVault> vault;

    AdminRequests(Supplier<GatewayDefinitions> definitions, Supplier<CredentialVault> vault) {
        this.definitions = definitions;
        this.vault = vault;
    }

    /**
     * @return what was done, for the log
     * @throws ProtocolException with BAD_REQUEST (malformed), REFUSED (the definitions said no) or UNAVAILABLE
     */
    String serve(RequestMessage request) throws ProtocolException {
        Map<String, String> fields = request.fields();
        try {
            String done = switch (request.operation()) {
                case DATA_SOURCE_ADD -> {
                    String id = require(fields, "id");
                    gateway().addDataSource(id, require(fields, "kind"), prefixed(fields, "setting."));
                    yield "data source " + id + " added";
                }
                case DATA_SOURCE_SIGN_IN -> {
                    String id = require(fields, "id");
                    Credentials credentials = credentials(id, fields);
                    gateway().signIn(id, credentials);
                    yield "data source " + id + " signed in (" + credentials + ")";
                }
                case DATA_SOURCE_REMOVE -> {
                    String id = require(fields, "id");
                    gateway().removeDataSource(id);
                    yield "data source " + id + " removed";
                }
                case DATASET_ADD -> {
                    DatasetInfo dataset = dataset(fields);
                    gateway().addDataset(dataset);
                    yield "dataset " + dataset.name() + " added";
                }
                case DATASET_REMOVE -> {
                    String name = require(fields, "name");
                    gateway().removeDataset(name);
                    yield "dataset " + name + " removed";
                }
                default -> throw new ProtocolException(ErrorCode.BAD_REQUEST, request.operation().wireName()
                        + " is not an administrative operation");
            };
            LOG.info("{} for {}", done, REQUESTER);
            return done;
        } catch (IllegalArgumentException e) {
            LOG.info("{} from {} refused: {}", request.operation().wireName(), REQUESTER, e.getMessage());
            throw new ProtocolException(ErrorCode.REFUSED, e.getMessage());
        } catch (IllegalStateException e) {
            LOG.warn("{} from {} cannot be done now: {}", request.operation().wireName(), REQUESTER, e.getMessage());
            throw new ProtocolException(ErrorCode.UNAVAILABLE, e.getMessage());
        }
    }

    private GatewayDefinitions gateway() {
        GatewayDefinitions current = definitions.get();
        if (current == null) {
            throw new IllegalStateException("the gateway's definitions are not available yet; try again shortly");
        }
        return current;
    }

    private Credentials credentials(String id, Map<String, String> fields) throws ProtocolException {
        String auth = require(fields, "auth");
        AuthenticationType type;
        try {
            type = AuthenticationType.valueOf(auth.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown auth '" + auth
                    + "'; expected anonymous, basic, key, oauth2 or windows");
        }
        String user = fields.get("user");
        Instant expires = null;
        if (fields.containsKey("expires")) {
            try {
                expires = Instant.parse(fields.get("expires"));
            } catch (DateTimeParseException e) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "expires is not an ISO instant such as "
                        + "2026-12-01T12:00:00Z");
            }
        }
        String sealed = fields.get("secret");
        String secret = null;
        if (sealed != null) {
            CredentialVault open = vault.get();
            if (open == null) {
                throw new IllegalStateException("the credential vault is not open, so no secret can be accepted now");
            }
            secret = open.openSealed(id, sealed); // refuses anything not sealed for this gateway and data source
        }
        return switch (type) {
            case ANONYMOUS -> Credentials.anonymous();
            case BASIC -> {
                if (user == null || user.isBlank()) {
                    throw new ProtocolException(ErrorCode.BAD_REQUEST, "basic sign-in needs a user");
                }
                yield Credentials.basic(user, secret);
            }
            default -> Credentials.of(type, user, secret, expires);
        };
    }

    private static DatasetInfo dataset(Map<String, String> fields) throws ProtocolException {
        String name = require(fields, "name");
        List<DatasetInfo.QueryInfo> queries = new ArrayList<>();
        for (int n = 1; fields.containsKey("query." + n + ".name"); n++) {
            String prefix = "query." + n + ".";
            queries.add(new DatasetInfo.QueryInfo(fields.get(prefix + "name"), require(fields, prefix + "datasource"),
                    require(fields, prefix + "text")));
        }
        return new DatasetInfo(name, queries, fields.get("destination"));
    }

    private static Map<String, String> prefixed(Map<String, String> fields, String prefix) {
        Map<String, String> found = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), value);
            }
        });
        return found;
    }

    private static String require(Map<String, String> fields, String name) throws ProtocolException {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the request has no field '" + name + "'");
        }
        return value;
    }
}
