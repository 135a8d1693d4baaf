package org.gatehouse.console.impl;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ObjectName;
import javax.security.auth.Subject;

import org.jolokia.restrictor.Restrictor;
import org.jolokia.util.HttpMethod;
import org.jolokia.util.RequestType;
import org.osgi.service.component.annotations.Component;

/**
 * The gateway's Jolokia access policy, by Karaf role. Stock Jolokia ignores Karaf's JMX ACLs (a viewer could stop a
 * bundle), and its own policy files know no roles; jolokia-osgi asks every {@link Restrictor} service instead
 * ({@code org.jolokia.useRestrictorService=true}), on the request's thread, inside the JAAS subject of the Karaf
 * user who signed in ({@code org.jolokia.authMode=jaas}). So: reading and searching needs the {@code viewer} or
 * {@code admin} role, invoking an operation or writing an attribute needs {@code admin}, and only clients on this
 * machine are served.
 */
@Component(service = Restrictor.class)
public class RoleRestrictor implements Restrictor {

    static final String ADMIN = "admin";
    static final String VIEWER = "viewer";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "localhost");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return switch (type) {
            case EXEC, WRITE -> hasRole(ADMIN);
            default -> hasRole(ADMIN) || hasRole(VIEWER);
        };
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return hasRole(ADMIN) || hasRole(VIEWER);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return hasRole(ADMIN);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return hasRole(ADMIN);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        for (String host : hostOrAddress) {
            if (host != null && LOOPBACK.contains(host)) {
                return true;
            }
        }
        return false;
    }

    /** A browser page may call the agent only from a page of this machine (the console's own). */
    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        return origin == null || origin.startsWith("http://127.0.0.1") || origin.startsWith("http://localhost")
                || origin.startsWith("https://127.0.0.1") || origin.startsWith("https://localhost");
    }

    /** Karaf's JAAS login puts the user's roles into the subject as RolePrincipals. */
    @SuppressWarnings("removal")
    static boolean hasRole(String role) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return subject != null && roles(subject).contains(role);
    }

    static Set<String> roles(Subject subject) {
        return subject.getPrincipals().stream()
                .filter(p -> p.getClass().getSimpleName().equals("RolePrincipal"))
                .map(Principal::getName).collect(Collectors.toSet());
    }
}
