package org.gatehouse.core.impl;

import java.util.Locale;
import java.util.Map;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * One data source per factory configuration {@code org.gatehouse.datasource} (e.g.
 * {@code etc/org.gatehouse.datasource-demo.cfg}): {@code id}, {@code kind}, the connector's own settings (every other
 * key), and how it is signed in: {@code signin = vault} once the owner or the service signed it in (the credentials
 * are then encrypted in the credential vault, never in the file), or, for a data source provisioned by hand, the
 * file's own {@code auth} (anonymous | basic | windows), {@code user} and {@code password}. A password in a file is
 * plain text; the provisioned demo source uses none.
 */
@Component(configurationPid = "org.gatehouse.datasource", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public class DataSourceConfig {

    private static final String AUTH = "auth";
    private static final String USER = "user";
    private static final String PASSWORD = "password";

    private ServiceRegistration<DataSourceDefinition> registration;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) {
        registration = context.registerService(DataSourceDefinition.class, parse(config), null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    static DataSourceDefinition parse(Map<String, ?> config) {
        Map<String, String> properties = ConfigProperties.ownProperties(config);
        String id = ConfigProperties.require(properties, "id", "data source configuration");
        String kind = ConfigProperties.require(properties, "kind", "data source " + id);
        boolean inVault = SignIn.VAULT.equals(properties.remove(SignIn.SIGN_IN));
        Credentials credentials = credentials(id, properties.remove(AUTH), properties.remove(USER),
                properties.remove(PASSWORD));
        properties.remove("id");
        properties.remove("kind");
        return new DataSourceDefinition(new DataSourceSettings(id, kind.toLowerCase(Locale.ROOT), properties),
                inVault ? Credentials.anonymous() : credentials, inVault);
    }

    private static Credentials credentials(String id, String auth, String user, String password) {
        AuthenticationType type;
        if (auth == null || auth.isEmpty()) {
            type = user == null ? AuthenticationType.ANONYMOUS : AuthenticationType.BASIC;
        } else {
            try {
                type = AuthenticationType.valueOf(auth.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data source " + id + ": unknown auth '" + auth
                        + "'; expected anonymous, basic, key, oauth2 or windows");
            }
        }
        return switch (type) {
            case ANONYMOUS -> Credentials.anonymous();
            case BASIC -> Credentials.basic(ConfigProperties.require(user == null ? Map.of() : Map.of(USER, user),
                    USER, "data source " + id + " with basic auth"), password);
            default -> Credentials.of(type, user, password);
        };
    }
}
