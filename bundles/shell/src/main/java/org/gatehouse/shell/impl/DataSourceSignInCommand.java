package org.gatehouse.shell.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-signin", description = "Signs a data source in. A password, key or "
        + "token is asked for without echo; it is never an argument, so it stays out of the shell history and logs.")
@Service
public class DataSourceSignInCommand extends GatewayAction {

    @Argument(index = 0, name = "id", required = true, description = "data source id")
    @Completion(DataSourceIdCompleter.class)
    private String id;

    @Option(name = "--auth", aliases = "-a", required = true, description = "anonymous, basic (user and password), "
            + "key (API key or SAS), oauth2 (bearer token) or windows")
    @Completion(value = StringsCompleter.class, values = {"anonymous", "basic", "key", "oauth2", "windows"})
    private String auth;

    @Option(name = "--user", aliases = "-u", description = "user name; basic needs one, key may name the key")
    private String user;

    @Option(name = "--password-file", description = "for scripts: read the password, key or token from the first line "
            + "of this file on the gateway machine instead of asking for it")
    private String passwordFile;

    @Option(name = "--expires", description = "when the key or token expires: an ISO time (2026-12-01T12:00:00Z) "
            + "or a duration from now (PT1H, 90m, 8h, 30d); a refresh after it fails with 'token expired'")
    private String expires;

    @Reference
    private Session session;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() throws IOException {
        AuthenticationType type = authenticationType();
        Credentials credentials = switch (type) {
            case ANONYMOUS -> {
                refuseSecretSource(type);
                if (user != null) {
                    throw new IllegalArgumentException("--auth anonymous takes no --user");
                }
                yield Credentials.anonymous();
            }
            case WINDOWS -> {
                refuseSecretSource(type);
                yield Credentials.of(type, user, null);
            }
            case BASIC -> Credentials.basic(requireUser(), secret("password"));
            case KEY -> Credentials.of(type, user, secret("key"), expiry());
            case OAUTH2 -> Credentials.of(type, user, secret("token"), expiry());
        };
        if (expires != null && credentials.expiresAt().isEmpty()) {
            throw new IllegalArgumentException("--expires is for key and oauth2 sign-ins");
        }
        definitions.signIn(id, credentials);
        System.out.println("data source " + id + " signed in (" + type.name().toLowerCase(Locale.ROOT)
                + credentials.user().map(name -> " as " + name).orElse("")
                + credentials.expiresAt().map(t -> ", expires " + Formats.time(t, ZoneId.systemDefault())).orElse("")
                + "); the credentials are kept encrypted in the gateway's vault");
    }

    private AuthenticationType authenticationType() {
        try {
            return AuthenticationType.valueOf(auth.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown sign-in type '" + auth + "'; one of "
                    + Arrays.stream(AuthenticationType.values()).map(t -> t.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }

    private Instant expiry() {
        return expires == null ? null : Expiry.parse(expires, Instant.now());
    }

    private String requireUser() {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("--auth basic needs --user");
        }
        return user;
    }

    private void refuseSecretSource(AuthenticationType type) {
        if (passwordFile != null) {
            throw new IllegalArgumentException("--auth " + type.name().toLowerCase(Locale.ROOT)
                    + " takes no password; leave out --password-file");
        }
    }

    private String secret(String what) throws IOException {
        if (passwordFile != null) {
            return SecretInput.fromFile(Path.of(passwordFile), what);
        }
        String forWhom = user == null ? id : user + "@" + id;
        return SecretInput.prompt(session, what, capitalized(what) + " for " + forWhom + ": ");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
