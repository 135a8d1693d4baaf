package org.gatehouse.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs shell commands inside the container the way the owner does, signed in as a Karaf user: through sessions of
 * Karaf's own SessionFactory, so commands are found, parsed, completed-for and secured exactly as in the console or
 * over SSH. Keeps everything any command printed, so a test can check that a secret never showed.
 */
final class KarafShell {

    private final SessionFactory sessions;
    private final Subject user;
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    /** A gateway owner: an admin. */
    KarafShell(SessionFactory sessions, String userName) {
        this(sessions, userName, "admin");
    }

    KarafShell(SessionFactory sessions, String userName, String... roles) {
        this.sessions = sessions;
        this.user = new Subject();
        user.getPrincipals().add(new UserPrincipal(userName));
        for (String role : roles) {
            user.getPrincipals().add(new RolePrincipal(role));
        }
    }

    /** One command in a session without a terminal: a script, {@code bin/client CMD} or SSH with a command. */
    Outcome run(String command) {
        return execute(command, out -> sessions.create(new ByteArrayInputStream(new byte[0]), out, out));
    }

    /**
     * One command in a console session on a (dumb) terminal on which the owner then types {@code typed}: what
     * happens at the local console or in an interactive SSH session, where a command may prompt.
     */
    Outcome runAtTerminal(String command, String typed) {
        InputStream keyboard = new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
        return execute(command, out -> sessions.create(keyboard, out, out, null, "UTF-8", null));
    }

    /** Everything every command of this shell printed so far, errors included. */
    List<String> everythingPrinted() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    /** Waits until the gateway's commands are registered: Karaf shows them once every service they use is there. */
    void awaitCommand(String command, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome outcome = run(command);
        while (outcome.error() != null && outcome.error().contains("not found")) {
            if (System.nanoTime() > deadline) {
                fail(command + " not available within " + timeout.toSeconds() + " s: " + outcome.error());
            }
            Thread.sleep(500);
            outcome = run(command);
        }
    }

    private interface SessionOpener {
        Session open(PrintStream out);
    }

    private Outcome execute(String command, SessionOpener opener) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = opener.open(out);
        String error = null;
        try {
            Subject.doAs(user, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (Exception e) {
            Throwable cause = e instanceof java.security.PrivilegedActionException ? e.getCause() : e;
            error = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        } finally {
            out.flush();
            session.close();
        }
        Outcome outcome = new Outcome(command, bytes.toString(StandardCharsets.UTF_8), error);
        printed.add(outcome.output());
        if (error != null) {
            printed.add(error);
        }
        return outcome;
    }

    /** What a command printed, and the one-line error it failed with, if it failed. */
    record Outcome(String command, String output, String error) {

        /** The output of a command that must succeed. */
        String ok() {
            if (error != null) {
                fail(command + " failed: " + error + "\n" + output);
            }
            return output;
        }

        /** The error line of a command that must be refused. */
        String refused() {
            assertNotNull(command + " should have been refused, printed:\n" + output, error);
            return error;
        }
    }
}
