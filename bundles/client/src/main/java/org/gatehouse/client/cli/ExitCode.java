package org.gatehouse.client.cli;

/** The CLI's exit statuses, for scripts that call it. */
final class ExitCode {

    static final int OK = 0;
    /** The command line is wrong. */
    static final int USAGE = 1;
    /** The gateway answered with an error (unknown dataset, query failed, bad request...). */
    static final int REMOTE_ERROR = 2;
    /** The result was incomplete or damaged, or the gateway did not answer in time. */
    static final int INCOMPLETE = 3;
    /** The relay could not be reached or failed, or the output could not be written. */
    static final int FAILURE = 4;

    private ExitCode() {
    }
}
