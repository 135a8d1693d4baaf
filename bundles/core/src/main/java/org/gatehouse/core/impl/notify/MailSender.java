package org.gatehouse.core.impl.notify;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;

/**
 * Sends mail through camel-mail, in a Camel context of its own ({@code gatehouse-notifications}). The endpoint URI
 * carries the server and its TLS mode; sender, recipients and subject travel as message headers, which camel-mail
 * turns into the mail's headers, so no address ever has to be escaped into a URI.
 * <p>
 * Every network step is bounded (10 s to connect, read and write), so a send that hangs cannot hold the notifier
 * forever. With a password from the credential vault the mail is sent authenticated as the settings' SMTP user.
 */
final class MailSender implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 10_000;

    private final CamelContext camel;

    MailSender() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("gatehouse-notifications");
        context.start();
        camel = context;
    }

    /** The camel-mail endpoint for the settings' server. */
    static String endpointUri(NotificationSettings settings) {
        return endpointUri(settings, false);
    }

    static String endpointUri(NotificationSettings settings, boolean authenticated) {
        boolean ssl = settings.security() == SmtpSecurity.SSL;
        String protocol = ssl ? "smtps" : "smtp";
        StringBuilder uri = new StringBuilder(protocol).append("://").append(settings.smtpHost()).append(':')
                .append(settings.smtpPort()).append("?connectionTimeout=").append(TIMEOUT_MILLIS)
                // camel-mail passes mail.* options to Jakarta Mail as session properties
                .append("&mail.").append(protocol).append(".timeout=").append(TIMEOUT_MILLIS)
                .append("&mail.").append(protocol).append(".writetimeout=").append(TIMEOUT_MILLIS);
        if (authenticated) {
            uri.append("&mail.").append(protocol).append(".auth=true");
        }
        if (settings.security() == SmtpSecurity.STARTTLS) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    /**
     * Sends one plain-text mail to the settings' recipients and returns once the server took it.
     *
     * @throws Exception why the server did not take it
     */
    void send(NotificationSettings settings, String password, FailureMail.Mail mail) throws Exception {
        Map<String, Object> headers = Map.of(
                "From", settings.from(),
                "To", String.join(",", settings.recipients()),
                "Subject", mail.subject(),
                "contentType", "text/plain; charset=UTF-8");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail and Activation find their providers through the context class loader: point it at the
        // bundle that embeds them (the one Camel's classes come from)
        thread.setContextClassLoader(DefaultCamelContext.class.getClassLoader());
        try {
            String uri = endpointUri(settings, password != null);
            // a fresh endpoint per mail, never registered: the password is set on it, not written into a URI that
            // Camel would keep in its registry, and a changed password is used by the next mail
            MailEndpoint endpoint = (MailEndpoint) camel.getComponent(uri.substring(0, uri.indexOf(':')))
                    .createEndpoint(uri);
            if (password != null) {
                endpoint.getConfiguration().setUsername(settings.smtpUser());
                endpoint.getConfiguration().setPassword(password);
            }
            Producer producer = endpoint.createProducer();
            producer.start();
            try {
                Exchange exchange = endpoint.createExchange();
                exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
                exchange.getIn().setBody(mail.body());
                producer.process(exchange);
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
            } finally {
                producer.stop();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        camel.stop();
    }
}
