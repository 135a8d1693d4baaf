package org.gatehouse.api.gateway;

import java.time.Instant;
import java.util.Map;

import org.gatehouse.api.AuthenticationType;

/**
 * A data source as the owner sees it: never its secret.
 *
 * @param id             unique id
 * @param kind           connector kind
 * @param settings       connector settings (no secrets)
 * @param authentication how it is signed in
 * @param user           the user it is signed in as, or null
 * @param expiresAt      when its credentials (an OAuth2 token) expire, or null when they do not
 */
public record DataSourceInfo(String id, String kind, Map<String, String> settings,
                             AuthenticationType authentication, String user, Instant expiresAt) {

    public DataSourceInfo(String id, String kind, Map<String, String> settings, AuthenticationType authentication,
                          String user) {
        this(id, kind, settings, authentication, user, null);
    }

    /** Whether its credentials have an expiry that has passed at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
