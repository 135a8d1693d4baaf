package org.gatehouse.console.impl;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.security.PrivilegedAction;
import java.util.Set;

import javax.management.ObjectName;
import javax.security.auth.Subject;

import org.jolokia.util.RequestType;
import org.junit.Test;

public class RoleRestrictorTest {

    /** Named like Karaf's role principal, which is what the restrictor looks for. */
    private record RolePrincipal(String getName) implements Principal {
    }

    private record UserPrincipal(String getName) implements Principal {
    }

    private final RoleRestrictor restrictor = new RoleRestrictor();

    @SuppressWarnings("removal")
    private static <T> T as(String user, Set<String> roles, PrivilegedAction<T> action) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        roles.forEach(role -> subject.getPrincipals().add(new RolePrincipal(role)));
        return Subject.doAs(subject, action);
    }

    @Test
    public void viewersReadAdminsAlsoInvokeAndWriteOthersNothing() throws Exception {
        ObjectName gateway = new ObjectName("org.gatehouse:type=Gateway");
        assertTrue(as("v", Set.of("viewer"), () -> restrictor.isAttributeReadAllowed(gateway, "Version")));
        assertTrue(as("v", Set.of("viewer"), () -> restrictor.isTypeAllowed(RequestType.READ)));
        assertFalse(as("v", Set.of("viewer"), () -> restrictor.isTypeAllowed(RequestType.EXEC)));
        assertFalse(as("v", Set.of("viewer"), () -> restrictor.isOperationAllowed(gateway, "refreshNow")));
        assertFalse(as("v", Set.of("viewer"), () -> restrictor.isAttributeWriteAllowed(gateway, "X")));
        assertTrue(as("a", Set.of("admin"), () -> restrictor.isOperationAllowed(gateway, "refreshNow")));
        assertTrue(as("a", Set.of("admin"), () -> restrictor.isTypeAllowed(RequestType.WRITE)));
        assertFalse(as("n", Set.of("ssh"), () -> restrictor.isAttributeReadAllowed(gateway, "Version")));
        assertFalse("no subject, no access", restrictor.isAttributeReadAllowed(gateway, "Version"));
    }

    @Test
    public void onlyThisMachineAndItsPagesAreServed() {
        assertTrue(restrictor.isRemoteAccessAllowed("localhost", "127.0.0.1"));
        assertFalse(restrictor.isRemoteAccessAllowed("gw.example", "10.0.0.5"));
        assertTrue(restrictor.isOriginAllowed("http://127.0.0.1:8080", true));
        assertFalse(restrictor.isOriginAllowed("https://evil.example", true));
    }
}
