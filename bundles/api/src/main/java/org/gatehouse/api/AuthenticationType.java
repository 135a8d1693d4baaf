package org.gatehouse.api;

/** How a data source is signed in to. */
public enum AuthenticationType {
    /** No credentials at all. */
    ANONYMOUS,
    /** User name and password (database or HTTP Basic). */
    BASIC,
    /** An API key or shared access signature. */
    KEY,
    /** An OAuth2 bearer token. */
    OAUTH2,
    /** The operating system's identity (SQL Server integrated security, Kerberos). */
    WINDOWS
}
