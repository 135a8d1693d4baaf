package org.gatehouse.api.gateway;

/** How the gateway protects its connection to the SMTP server. */
public enum SmtpSecurity {
    /** Plain SMTP, typically port 25: only for a relay on the local network. */
    NONE,
    /** Plain connection upgraded with STARTTLS before anything is sent, typically port 587; refused without it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS), typically port 465. */
    SSL
}
