package org.gatehouse.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail in the Maven JVM (test classes' configuration side), on free loopback ports: SMTP for the gateway to
 * send to, POP3 for the test methods inside the container to read what arrived ({@link Pop3Mailbox}). GreenMail
 * creates a mailbox per recipient whose login and password are the address. Stopped when the JVM exits.
 * <p>
 * Only ever touched from {@code @Configuration} methods: the container does not have GreenMail.
 */
final class TestSmtpServer {

    private static GreenMail server;

    private TestSmtpServer() {
    }

    /** @return the SMTP and the POP3 port */
    static synchronized int[] start(int smtpPort, int pop3Port) {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            server = started;
        }
        return new int[] {server.getSmtp().getPort(), server.getPop3().getPort()};
    }
}
