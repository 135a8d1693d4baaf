package org.gatehouse.api;

/**
 * Opens one of the gateway's own data sources for a query that the content of another data source asks for: a Power
 * Query workbook's {@code Sql.Database} or {@code Web.Contents} is served by the gateway's {@code sql} or {@code web}
 * data source for that database or URL, with that data source's settings and signed-in credentials, as the Power BI
 * gateway does. Implemented by the core, which knows the data sources, the connectors and the credential vault;
 * connectors that read such content (the excel-workbook connector) use it as an optional service.
 * <p>
 * Every failure is a {@link ConnectorException} whose message says what was asked for and what the owner can do:
 * that no data source serves it (and which one to add), that the connector of its kind is not installed, that its
 * credentials are unusable. Messages never contain a secret.
 */
public interface DataSourceLookup {

    /** The data-source kind that serves {@link #openDatabase}. */
    String SQL_KIND = "sql";
    /** The data-source kind that serves {@link #openWeb}. */
    String WEB_KIND = "web";

    /**
     * Runs {@code query} (its text: the SQL) on the gateway's {@value #SQL_KIND} data source that is database
     * {@code database} on server {@code server}, as a workbook names them.
     */
    RowSource openDatabase(String server, String database, Query query) throws ConnectorException;

    /**
     * Reads {@code query} (its text: an absolute http(s) URL; its options: the web connector's, e.g. {@code format})
     * through the gateway's {@value #WEB_KIND} data source whose {@code url} is the longest prefix of that URL; the
     * data source's allowed hosts and credentials apply.
     */
    RowSource openWeb(Query query) throws ConnectorException;
}
