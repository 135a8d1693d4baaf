package org.gatehouse.api.gateway;

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
 */
public record DataSourceInfo(String id, String kind, Map<String, String> settings,
                             AuthenticationType authentication, String user) {
}
