package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * What every gateway command has in common: the gateway's services refuse bad input with an IllegalArgumentException
 * whose message is a one-line reason, and so do the commands' own option parsers. That becomes a
 * {@link CommandException}, which Karaf shows as one line and does not log as an error with a stack trace: a refused
 * command is the owner's mistake, not the gateway's.
 */
abstract class GatewayAction implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // IllegalStateException: the gateway cannot do it now (e.g. a locked vault), said in one line too
            throw new CommandException(refused.getMessage());
        }
        return null;
    }

    /**
     * Checks a service that exists only while the gateway store is open. Such references are optional: Karaf offers
     * a bundle's commands only once every mandatory reference of every command is there, so one mandatory store
     * service would hide all gateway:* commands exactly when the owner needs them to find out what is wrong.
     */
    protected static void requireStoreOpen(Object service, String what) {
        if (service == null) {
            throw new IllegalStateException(what + " is not available: the gateway store is not open (see "
                    + "data/log/karaf.log)");
        }
    }

    /** Parses, calls the gateway and prints to System.out, which Karaf connects to the session (and to pipes). */
    protected abstract void run() throws Exception;
}
