package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.Notifications;
import org.gatehouse.api.gateway.RefreshHistory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Failure notifications in the booted distribution, configured through the real shell: a failed refresh sends an
 * email that an SMTP server (GreenMail, in the Maven JVM) receives and publishes a refresh-failed event on the
 * gateway's events queue; a dataset opted out announces nothing, nor does a refresh that succeeds; the test email
 * arrives; the signed-in password shows in no mail and nowhere under data/log.
 * <p>
 * "Nothing was announced" is proved by order, not by waiting: the gateway announces failures one after the other,
 * so once the mail and the event of a later failure have arrived, nothing sent for an earlier one can still come.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationIT extends GatehouseTestSupport {

    private static final String SMTP_PORT = "gatehouse.itests.smtp.port";
    private static final String POP3_PORT = "gatehouse.itests.pop3.port";
    private static final String OWNER_MAIL = "owner@example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(timeout = 120_000)
    private Notifications notifications;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() throws IOException {
        int[] ports = TestSmtpServer.start(freeLoopbackPort(), freeLoopbackPort());
        return gatehouseOptions(
                systemProperty(SMTP_PORT).value(Integer.toString(ports[0])),
                systemProperty(POP3_PORT).value(Integer.toString(ports[1])));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    public void failedRefreshesAreMailedAndPublishedUnlessTheDatasetOptedOut() throws Exception {
        String secret = "pw-" + UUID.randomUUID();
        GatewayDefinitions definitions = service(GatewayDefinitions.class);
        definitions.addDataSource("notify-h2", "sql", Map.of("url", "jdbc:h2:mem:notify_it;DB_CLOSE_DELAY=-1"));
        definitions.signIn("notify-h2", Credentials.basic("sa", secret));
        definitions.addDataset(dataset("notify-broken", "SELECT * FROM no_such_table_for_notifications"));
        definitions.addDataset(dataset("notify-ok", "SELECT 1 AS one"));
        definitions.addDataset(dataset("notify-control", "SELECT * FROM another_missing_table"));

        KarafShell shell = new KarafShell(sessionFactory, "owner");
        shell.awaitCommand("gateway:notifications-show", TIMEOUT);
        String set = shell.run("gateway:notifications-set --smtp-host 127.0.0.1 --smtp-port "
                + Integer.getInteger(SMTP_PORT) + " --from gateway@example.test --to " + OWNER_MAIL).ok();
        assertTrue(set, set.contains("failure emails go to " + OWNER_MAIL));
        String show = shell.run("gateway:notifications-show").ok();
        assertTrue(show, show.contains("configured") && show.contains(OWNER_MAIL) && show.contains("127.0.0.1"));
        assertTrue("on by default: " + show, show.matches("(?s).*notify-broken\\s*\\|\\s*on.*"));
        assertTrue(shell.run("gateway:notifications-set --dataset no-such-dataset --off").refused()
                .contains("no-such-dataset"));

        Pop3Mailbox mailbox = new Pop3Mailbox(Integer.getInteger(POP3_PORT), OWNER_MAIL);
        try (Connection relay = new JmsConnectionFactory(relayUrl()).createConnection()) {
            relay.start();
            Session session = relay.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer events = session.createConsumer(session.createQueue("gatehouse.local.events"));

            // a failure: mailed and published
            assertTrue(shell.run("gateway:refresh --wait notify-broken").refused().contains("QUERY_FAILED"));
            Pop3Mailbox.Mail mail = awaitMail(mailbox, 1);
            assertEquals("Gatehouse: refresh of dataset notify-broken failed", mail.subject());
            assertTrue(mail.body(), mail.body().contains("Dataset:    notify-broken"));
            assertTrue(mail.body(), mail.body().contains("Reason:     QUERY_FAILED"));
            assertTrue(mail.body(), mail.body().toUpperCase().contains("NO_SUCH_TABLE_FOR_NOTIFICATIONS"));
            assertTrue(mail.body(), mail.body().contains("Gateway:    local"));
            assertTrue(mail.body(), mail.body().contains("Trigger:    shell:owner"));

            String event = awaitEvent(events);
            HistoryEntry failed = service(RefreshHistory.class).lastFinished("notify-broken").orElseThrow();
            assertTrue(event, event.startsWith("{\"type\":\"refresh-failed\",\"protocol\":1,\"gateway\":\"local\","
                    + "\"dataset\":\"notify-broken\",\"historyId\":" + failed.id() + ","));
            assertTrue(event, event.contains("\"reason\":\"QUERY_FAILED\""));

            // opted out: neither; a success: neither; then a failure of another dataset: both, and only those
            String off = shell.run("gateway:notifications-set --dataset notify-broken --off").ok();
            assertTrue(off, off.contains("notify-broken are off"));
            assertTrue(shell.run("gateway:notifications-show").ok()
                    .matches("(?s).*notify-broken\\s*\\|\\s*off.*"));
            shell.run("gateway:refresh --wait notify-broken").refused();
            shell.run("gateway:refresh --wait notify-ok").ok();
            shell.run("gateway:refresh --wait notify-control").refused();

            List<Pop3Mailbox.Mail> mails = awaitMails(mailbox, 2);
            assertEquals(2, mails.size());
            assertEquals("Gatehouse: refresh of dataset notify-control failed", mails.get(1).subject());
            String next = awaitEvent(events);
            assertTrue("the event after the first must be notify-control's: " + next,
                    next.contains("\"dataset\":\"notify-control\""));
            assertEquals("no further event", null, events.receiveNoWait());

            // the test email
            assertTrue(shell.run("gateway:notifications-set --test").ok().contains("test email sent"));
            List<Pop3Mailbox.Mail> withTest = awaitMails(mailbox, 3);
            assertTrue(withTest.get(2).subject(), withTest.get(2).subject().startsWith("Gatehouse: test email"));
            assertEquals(0, notifications.counts().emailsFailed());

            for (Pop3Mailbox.Mail sent : withTest) {
                assertFalse("the password in a mail", sent.body().contains(secret)
                        || sent.headers().contains(secret));
            }
        }
        for (String printed : shell.everythingPrinted()) {
            assertFalse("the password in shell output", printed.contains(secret));
        }
        Path logs = Path.of(System.getProperty("karaf.data"), "log");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse("the password in " + file, new String(Files.readAllBytes(file),
                        java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret));
            }
        }
    }

    private static DatasetInfo dataset(String name, String sql) {
        return new DatasetInfo(name, List.of(new DatasetInfo.QueryInfo("q", "notify-h2", sql)));
    }

    private static Pop3Mailbox.Mail awaitMail(Pop3Mailbox mailbox, int count) throws Exception {
        List<Pop3Mailbox.Mail> mails = awaitMails(mailbox, count);
        assertEquals(count, mails.size());
        return mails.get(count - 1);
    }

    /** The mailbox once it holds at least {@code count} mails. */
    private static List<Pop3Mailbox.Mail> awaitMails(Pop3Mailbox mailbox, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Pop3Mailbox.Mail> mails = mailbox.messages();
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                fail("only " + mails.size() + " of " + count + " mails arrived within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
            mails = mailbox.messages();
        }
        return mails;
    }

    private static String awaitEvent(MessageConsumer events) throws Exception {
        Message event = events.receive(TIMEOUT.toMillis());
        assertNotNull("no failure event on gatehouse.local.events", event);
        assertEquals("refresh-failed", event.getStringProperty("gatehouse_type"));
        return ((TextMessage) event).getText();
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(
                bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TIMEOUT.toMillis());
            assertNotNull(type.getSimpleName() + " not available", service);
            return service;
        } finally {
            tracker.close();
        }
    }
}
