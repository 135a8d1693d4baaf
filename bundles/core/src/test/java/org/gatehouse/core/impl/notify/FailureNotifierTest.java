package org.gatehouse.core.impl.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.RefreshFailureListener;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.gateway.SmtpSecurity;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.gatehouse.core.impl.vault.TestVault;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The notifier on a real store (in-memory H2) sending through camel-mail to an in-process SMTP server (GreenMail on
 * a free loopback port). "Nothing was sent" is proved by order, never by waiting: the notifier announces failures
 * one after the other, so once a later failure's mail has arrived, an earlier one that sent nothing never will.
 */
public class FailureNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private GreenMail smtp;
    private GatewayStore store;
    private FailureNotifier notifier;
    private final BlockingQueue<RefreshFailure> events = new LinkedBlockingQueue<>();

    @Before
    public void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:mem:notify-"
                + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "", 60, 1000), Clock.systemUTC());
        notifier = new FailureNotifier(store.notifications(), new KnownDatasets("sales", "stock"),
                new MailSender(), Clock.systemUTC());
        notifier.addListener(events::add);
    }

    @After
    public void stop() {
        if (notifier != null) {
            notifier.deactivate();
        }
        if (store != null) {
            store.close();
        }
        smtp.stop();
    }

    private void configureEmail(int port) {
        notifier.configure(new NotificationSettings("127.0.0.1", port, "gateway@example.test",
                List.of("owner@example.test", "ops@example.test"), SmtpSecurity.NONE, null));
    }

    private void refresh(String dataset, RefreshStatus status, String reason) {
        Instant start = Instant.now();
        store.recorder().started(dataset, "shell:alice", start).ended(start.plusMillis(5), status, 0, 0, reason);
    }

    /**
     * Whether at least {@code count} mails arrived within {@link #WAIT}. (GreenMail's own waitForIncomingEmail only
     * counts mails that arrive after it is called.)
     */
    private boolean received(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private void awaitQuiet() throws Exception {
        store.awaitWrites(WAIT);
        notifier.awaitAnnounced(WAIT);
    }

    @Test
    public void theSmtpPasswordComesFromTheVaultAndIsUsedToAuthenticate() throws Exception {
        smtp.setUser("mailer@example.test", "mailer", "smtp-s3cret");
        try (TestVault vault = TestVault.inMemory(folder.getRoot().toPath())) {
            notifier.setVault(vault.vault);
            IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                    () -> notifier.setSmtpPassword("smtp-s3cret".toCharArray()));
            assertTrue(noUser.getMessage(), noUser.getMessage().contains("--smtp-user"));
            notifier.configure(new NotificationSettings("127.0.0.1", smtp.getSmtp().getPort(), "gateway@example.test",
                    List.of("owner@example.test"), SmtpSecurity.NONE, "mailer"));

            notifier.setSmtpPassword("a wrong password".toCharArray());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    notifier::sendTestEmail);
            assertFalse(refused.getMessage(), refused.getMessage().contains("a wrong password"));
            assertEquals(0, smtp.getReceivedMessages().length);

            notifier.setSmtpPassword("smtp-s3cret".toCharArray());
            assertTrue(notifier.smtpPasswordSet());
            notifier.sendTestEmail();
            assertTrue("no email arrived", received(1));
            assertFalse(store.notifications().settings().toString().contains("smtp-s3cret"));
        }
    }

    @Test
    public void aFailedRefreshSendsAnEmailAndAnEvent() throws Exception {
        configureEmail(smtp.getSmtp().getPort());
        refresh("sales", RefreshStatus.FAILED, "QUERY_FAILED: Table \"NO_SUCH_TABLE\" not found");

        assertTrue("no email arrived", received(2));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals("one copy per recipient", 2, received.length);
        MimeMessage mail = received[0];
        assertEquals("Gatehouse: refresh of dataset sales failed", mail.getSubject());
        assertEquals("gateway@example.test", mail.getFrom()[0].toString());
        assertEquals(2, mail.getRecipients(Message.RecipientType.TO).length);
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body, body.contains("Dataset:    sales"));
        assertTrue(body, body.contains("Reason:     QUERY_FAILED"));
        assertTrue(body, body.contains("NO_SUCH_TABLE"));
        assertTrue(body, body.contains("Trigger:    shell:alice"));
        assertTrue(body, body.contains("Gateway:    " + FailureMail.UNKNOWN_GATEWAY));

        RefreshFailure event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull("no event", event);
        assertEquals("sales", event.dataset());
        assertEquals("QUERY_FAILED", event.reasonCode());
        assertTrue(event.historyId() > 0);
        assertEquals(event.historyId(), store.history().lastFinished("sales").orElseThrow().id());
        awaitQuiet();
        assertEquals(1, notifier.counts().emailsSent());
        assertEquals(1, notifier.counts().eventsHandedOver());
    }

    @Test
    public void aScheduleDisabledAfterFailuresIsAnnouncedByEmailAndEventUnlessOptedOut() throws Exception {
        BlockingQueue<ScheduleDisabled> disabledEvents = new LinkedBlockingQueue<>();
        notifier.addListener(new RefreshFailureListener() {
            @Override
            public void refreshFailed(RefreshFailure failure) {
            }

            @Override
            public void scheduleDisabled(ScheduleDisabled disabled) {
                disabledEvents.add(disabled);
            }
        });
        configureEmail(smtp.getSmtp().getPort());
        Instant at = Instant.parse("2026-11-28T06:00:00Z");
        notifier.announceScheduleDisabled(new ScheduleDisabled("sales", 4, "query 'q' failed: boom", at));

        assertTrue("no email arrived", received(2));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("Gatehouse: schedule of dataset sales disabled after 4 failed refreshes", mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body, body.contains("Last error: query 'q' failed: boom"));
        assertTrue(body, body.contains("gateway:schedule-enable sales"));
        ScheduleDisabled event = disabledEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(new ScheduleDisabled("sales", 4, "query 'q' failed: boom", at), event);

        notifier.setEnabled("sales", false);
        notifier.announceScheduleDisabled(new ScheduleDisabled("sales", 4, "again", at));
        awaitQuiet();
        assertEquals("opted out: no second email", 2, smtp.getReceivedMessages().length);
        assertTrue(disabledEvents.isEmpty());
    }

    @Test
    public void optedOutCancelledAndSucceededRefreshesAnnounceNothing() throws Exception {
        configureEmail(smtp.getSmtp().getPort());
        assertTrue(notifier.enabled("sales"));
        notifier.setEnabled("sales", false);
        assertFalse(notifier.enabled("sales"));
        assertEquals(Set.of("sales"), notifier.optedOut());

        refresh("sales", RefreshStatus.FAILED, "QUERY_FAILED: opted out");
        refresh("stock", RefreshStatus.CANCELLED, "CANCELLED: cancelled by the owner");
        refresh("stock", RefreshStatus.SUCCEEDED, null);
        refresh("stock", RefreshStatus.FAILED, "SOURCE_UNREACHABLE: the database is down");

        assertTrue(received(2));
        awaitQuiet();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        for (MimeMessage mail : received) {
            assertEquals("Gatehouse: refresh of dataset stock failed", mail.getSubject());
        }
        assertEquals("stock", events.take().dataset());
        assertTrue("only stock's failure is an event: " + events, events.isEmpty());

        notifier.setEnabled("sales", true);
        assertTrue(notifier.optedOut().isEmpty());
        refresh("sales", RefreshStatus.FAILED, "QUERY_FAILED: on again");
        assertTrue(received(4));
        assertEquals("sales", events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).dataset());
    }

    @Test
    public void withoutEmailSettingsFailuresAreStillEvents() throws Exception {
        refresh("sales", RefreshStatus.FAILED, "QUERY_FAILED: boom");
        assertEquals("sales", events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).dataset());
        awaitQuiet();
        assertEquals(0, smtp.getReceivedMessages().length);
        assertEquals(0, notifier.counts().emailsSent());
        assertEquals(0, notifier.counts().emailsFailed());
        try {
            notifier.sendTestEmail();
            fail("no test email without settings");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("email is not configured"));
        }
    }

    @Test
    public void anUnreachableSmtpServerIsCountedAndLoggedNotRetriedAndEventsGoOn() throws Exception {
        configureEmail(freePort()); // nobody listens there
        refresh("sales", RefreshStatus.FAILED, "QUERY_FAILED: boom");
        assertEquals("sales", events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).dataset());
        awaitQuiet();
        assertEquals(0, notifier.counts().emailsSent());
        assertEquals(1, notifier.counts().emailsFailed());
        assertNotNull(notifier.counts().lastEmailFailure());
        assertTrue(notifier.counts().lastEmailFailure(), notifier.counts().lastEmailFailure().contains("refused"));
        try {
            notifier.sendTestEmail();
            fail("the test email cannot have been sent");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("the test email was not sent through 127.0.0.1:"));
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        }
        assertEquals("the failed test is not a failure notification", 1, notifier.counts().emailsFailed());
    }

    @Test
    public void theTestEmailArrives() throws Exception {
        configureEmail(smtp.getSmtp().getPort());
        notifier.sendTestEmail();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        assertTrue(received[0].getSubject(), received[0].getSubject().startsWith("Gatehouse: test email"));
        assertNull(notifier.counts().lastEmailFailure());
    }

    @Test
    public void settingsAreValidatedAndKeptAndUnknownDatasetsRefused() {
        configureEmail(2525);
        assertEquals(2525, notifier.settings().smtpPort());
        try {
            notifier.configure(new NotificationSettings("h", 25, "not-an-address", List.of(), SmtpSecurity.NONE,
                    null));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not a valid sender"));
        }
        assertEquals("a refused change changes nothing", 2525, notifier.settings().smtpPort());
        try {
            notifier.setEnabled("nope", false);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("dataset 'nope' is not defined", e.getMessage());
        }
    }

    @Test
    public void endpointsCarryTheTlsMode() {
        assertTrue(MailSender.endpointUri(settings(SmtpSecurity.NONE)).startsWith("smtp://h:25?"));
        assertTrue(MailSender.endpointUri(settings(SmtpSecurity.SSL)).startsWith("smtps://h:25?"));
        String startTls = MailSender.endpointUri(settings(SmtpSecurity.STARTTLS));
        assertTrue(startTls, startTls.startsWith("smtp://h:25?")
                && startTls.contains("mail.smtp.starttls.enable=true")
                && startTls.contains("mail.smtp.starttls.required=true"));
    }

    private static NotificationSettings settings(SmtpSecurity security) {
        return new NotificationSettings("h", 25, "a@b", List.of("c@d"), security, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
