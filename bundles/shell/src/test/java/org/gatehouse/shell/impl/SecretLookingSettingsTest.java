package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SecretLookingSettingsTest {

    @Test
    public void settingsNamedLikeSecretsAreHidden() {
        for (String key : new String[] {"password", "Password", "db.password", "passwd", "clientSecret",
                "api-key", "apiKey", "SharedAccessKey", "access_key", "token", "refreshToken", "credentials"}) {
            assertEquals(key, SecretLookingSettings.HIDDEN, SecretLookingSettings.visibleValue(key, "x"));
        }
    }

    @Test
    public void ordinarySettingsAreShown() {
        for (String key : new String[] {"url", "server", "port", "database", "fetchSize", "encrypt",
                "trustServerCertificate", "authentication", "user"}) {
            assertEquals(key, "v", SecretLookingSettings.visibleValue(key, "v"));
        }
    }
}
