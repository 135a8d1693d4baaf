package org.gatehouse.core.impl.notify;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.NotificationCounts;
import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.Notifications;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.RefreshFailureListener;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.core.impl.store.NotificationStore;
import org.gatehouse.core.impl.vault.CredentialStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces failed refreshes: for every refresh the store records as FAILED, of a dataset not opted out, a
 * {@link RefreshFailure} to each {@link RefreshFailureListener} (the relay publishes it) and, when email is
 * configured, a mail to the recipients. Cancelled and interrupted refreshes are not announced. A schedule the
 * scheduler turns off after repeated failures is announced the same way ({@link ScheduleDisabled}).
 * <p>
 * The work happens on a thread of its own, never on the refresh's or the store's: a slow or unreachable SMTP server
 * cannot delay or fail a refresh. A mail that cannot be sent is logged (one line, no secrets) and counted, never
 * retried; when failures arrive faster than they can be announced, those beyond {@value #MAX_WAITING} waiting are
 * dropped and counted. The service exists while the gateway store is open, since the settings live there.
 */
@Component(service = Notifications.class)
public class FailureNotifier implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(FailureNotifier.class);
    static final int MAX_WAITING = 100;

    private final NotificationStore store;
    private final GatewayDefinitions definitions;
    private final List<RefreshFailureListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<RelayStatus> relay = new AtomicReference<>();
    private final AtomicReference<CredentialStore> vault = new AtomicReference<>();
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final MailSender mail;
    private final AutoCloseable subscription;

    private final AtomicLong emailsSent = new AtomicLong();
    private final AtomicLong emailsFailed = new AtomicLong();
    private final AtomicReference<String> lastEmailFailure = new AtomicReference<>();
    private final AtomicLong eventsHandedOver = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    @Activate
    public FailureNotifier(@Reference NotificationStore store, @Reference GatewayDefinitions definitions) {
        this(store, definitions, new MailSender(), Clock.systemUTC());
    }

    FailureNotifier(NotificationStore store, GatewayDefinitions definitions, MailSender mail, Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.mail = mail;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(MAX_WAITING), runnable -> {
                    Thread thread = new Thread(runnable, "gatehouse-notifications");
                    thread.setDaemon(true);
                    return thread;
                });
        this.subscription = store.onRefreshEnded(this::refreshEnded);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(RefreshFailureListener listener) {
        listeners.add(listener);
    }

    void removeListener(RefreshFailureListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetRelay")
    void setRelay(RelayStatus status) {
        relay.set(status);
    }

    void unsetRelay(RelayStatus status) {
        relay.compareAndSet(status, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetVault")
    void setVault(CredentialStore store) {
        vault.set(store);
    }

    void unsetVault(CredentialStore store) {
        vault.compareAndSet(store, null);
    }

    /** The vault entry of the SMTP sign-in: '#' keeps it apart from every data source id. */
    static final String SMTP_CREDENTIALS = "#smtp";

    @Override
    public void setSmtpPassword(char[] password) {
        CredentialStore credentials = vault.get();
        if (credentials == null) {
            throw new IllegalStateException("the credential vault is not open, so the SMTP password cannot be kept");
        }
        if (password == null || password.length == 0) {
            credentials.remove(SMTP_CREDENTIALS);
            LOG.info("the SMTP password was removed: failure emails are sent without authenticating");
            return;
        }
        String user = store.settings().smtpUser();
        if (user == null) {
            throw new IllegalArgumentException("set the SMTP user (--smtp-user) before its password");
        }
        credentials.save(SMTP_CREDENTIALS, Credentials.basic(user, new String(password)));
        LOG.info("the SMTP password of {} is kept in the credential vault", user);
    }

    @Override
    public boolean smtpPasswordSet() {
        CredentialStore store = vault.get();
        return store != null && store.signIn(SMTP_CREDENTIALS).isPresent();
    }

    /** The SMTP password when the settings name a user and the vault holds a password for that user. */
    private String smtpPassword(NotificationSettings settings) {
        CredentialStore store = vault.get();
        if (settings.smtpUser() == null || store == null) {
            return null;
        }
        return store.credentials(SMTP_CREDENTIALS)
                .filter(c -> settings.smtpUser().equals(c.user().orElse(null)))
                .flatMap(Credentials::secret).orElse(null);
    }

    @Deactivate
    void deactivate() {
        try {
            subscription.close();
        } catch (Exception impossible) {
            // removing a listener from a list does not fail
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(MailSender.TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS)) {
                LOG.warn("failure notifications still waiting at shutdown are not sent");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            mail.close();
        }
    }

    /** Waits until every failure handed over so far has been announced (tests). */
    void awaitAnnounced(java.time.Duration timeout) throws Exception {
        worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the store thread: hands a failure over to the notifier's own thread, at once. */
    private void refreshEnded(HistoryEntry entry) {
        if (entry.status() == RefreshStatus.FAILED) {
            handOver(entry.dataset(), "the failure of " + entry.dataset() + "'s refresh",
                    () -> announce(FailureMail.failureOf(entry)));
        }
    }

    @Override
    public void announceScheduleDisabled(ScheduleDisabled disabled) {
        handOver(disabled.dataset(), "the disabled schedule of " + disabled.dataset(),
                () -> announce(disabled));
    }

    private void handOver(String dataset, String what, Runnable announcement) {
        try {
            worker.execute(announcement);
        } catch (RejectedExecutionException e) {
            long lost = dropped.incrementAndGet();
            if (lost == 1 || lost % MAX_WAITING == 0) { // a storm of failures is reported, not logged per failure
                LOG.warn("{} is not announced: {}", what, worker.isShutdown() ? "the notifier is stopping"
                        : "more than " + MAX_WAITING + " announcements are waiting");
            }
        }
    }

    /** On the notifier thread. */
    void announce(ScheduleDisabled disabled) {
        if (optedOut(disabled.dataset())) {
            return;
        }
        for (RefreshFailureListener listener : listeners) {
            try {
                listener.scheduleDisabled(disabled);
                eventsHandedOver.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.warn("a notification listener failed on the disabled schedule of {}: {}", disabled.dataset(),
                        e.toString());
            }
        }
        email(disabled.dataset(), FailureMail.scheduleDisabled(disabled, gatewayId()));
    }

    private boolean optedOut(String dataset) {
        try {
            if (store.isOptedOut(dataset)) {
                LOG.debug("nothing about {} is announced: its notifications are off", dataset);
                return true;
            }
            return false;
        } catch (IllegalStateException e) {
            LOG.warn("nothing about {} is announced: {}", dataset, e.getMessage());
            return true;
        }
    }

    /** On the notifier thread. */
    void announce(RefreshFailure failure) {
        if (optedOut(failure.dataset())) {
            return;
        }
        for (RefreshFailureListener listener : listeners) {
            try {
                listener.refreshFailed(failure);
                eventsHandedOver.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.warn("a refresh failure listener failed on the failure of {}: {}", failure.dataset(),
                        e.toString());
            }
        }
        email(failure.dataset(), FailureMail.failure(failure, gatewayId()));
    }

    /** Sends the mail when email is configured; a mail that cannot be sent is counted and logged, not retried. */
    private void email(String dataset, FailureMail.Mail message) {
        NotificationSettings settings;
        try {
            settings = store.settings();
        } catch (IllegalStateException e) {
            LOG.warn("no email about {}: {}", dataset, e.getMessage());
            return;
        }
        if (!settings.emailConfigured()) {
            return;
        }
        try {
            mail.send(settings, smtpPassword(settings), message);
            emailsSent.incrementAndGet();
            LOG.info("email \"{}\" sent to {} recipient(s)", message.subject(), settings.recipients().size());
        } catch (Exception e) {
            String why = why(e);
            emailsFailed.incrementAndGet();
            lastEmailFailure.set(why);
            // not retried: the next failure tries again, and a server that is down must not be hammered
            LOG.warn("the email \"{}\" could not be sent through {}:{}: {}", message.subject(), settings.smtpHost(),
                    settings.smtpPort(), why);
        }
    }

    private String gatewayId() {
        RelayStatus status = relay.get();
        return status == null ? FailureMail.UNKNOWN_GATEWAY : status.gatewayId();
    }

    /** The innermost cause's message on one line: Jakarta Mail wraps the socket's reason a few levels deep. */
    static String why(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return FailureMail.oneLine(message);
    }

    @Override
    public NotificationSettings settings() {
        return store.settings();
    }

    @Override
    public void configure(NotificationSettings settings) {
        NotificationRules.check(settings);
        store.save(settings);
        LOG.info("notification settings changed: email {}", settings.emailConfigured()
                ? "to " + settings.recipients().size() + " recipient(s) through " + settings.smtpHost() + ":"
                + settings.smtpPort() + " (" + settings.security() + ")" : "not configured");
    }

    @Override
    public boolean enabled(String dataset) {
        return !store.isOptedOut(dataset);
    }

    @Override
    public void setEnabled(String dataset, boolean enabled) {
        boolean defined = definitions.dataset(dataset).isPresent();
        if (!defined && !(enabled && store.isOptedOut(dataset))) {
            throw new IllegalArgumentException("dataset '" + FailureMail.oneLine(dataset) + "' is not defined");
        }
        store.setOptedOut(dataset, !enabled);
        LOG.info("failure notifications for dataset {} turned {}", dataset, enabled ? "on" : "off");
    }

    @Override
    public Set<String> optedOut() {
        return store.optedOut();
    }

    @Override
    public NotificationCounts counts() {
        return new NotificationCounts(emailsSent.get(), emailsFailed.get(), lastEmailFailure.get(),
                eventsHandedOver.get(), dropped.get());
    }

    @Override
    public void sendTestEmail() {
        NotificationSettings settings = store.settings();
        if (!settings.emailConfigured()) {
            throw new IllegalArgumentException("email is not configured: set an SMTP host, a sender (--from) and "
                    + "at least one recipient (--to) first");
        }
        try {
            mail.send(settings, smtpPassword(settings), FailureMail.test(gatewayId(), clock.instant()));
        } catch (Exception e) {
            throw new IllegalArgumentException("the test email was not sent through " + settings.smtpHost() + ":"
                    + settings.smtpPort() + ": " + why(e));
        }
        LOG.info("test email sent to {} recipient(s)", settings.recipients().size());
    }
}
