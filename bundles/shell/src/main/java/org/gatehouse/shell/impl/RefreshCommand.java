package org.gatehouse.shell.impl;

import java.io.PrintStream;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;

@Command(scope = "gateway", name = "refresh", description = "Refreshes a dataset now, to check that it works and how "
        + "fast: its rows are read and counted, not sent anywhere. The refresh is recorded in gateway:history.")
@Service
public class RefreshCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Option(name = "--wait", aliases = "-w", description = "stay and show progress (rows, rows/s, time) until the "
            + "refresh ends; without it the refresh runs in the background")
    private boolean waitForEnd;

    @Reference
    private RefreshService refreshes;

    @Override
    protected void run() throws CommandException {
        // the refresh would fail on its own, but only after this command said it had started
        if (!refreshes.datasets().contains(dataset)) {
            throw new IllegalArgumentException("no dataset '" + dataset + "' is defined");
        }
        ShellRefresh refresh = ShellRefresh.start(refreshes, RefreshRequest.wholeDataset(dataset, trigger()));
        if (!waitForEnd) {
            System.out.println("refresh of " + dataset + " started in the background; gateway:history " + dataset
                    + " shows how it ends");
            return;
        }
        PrintStream out = System.out;
        ProgressLine progress = new ProgressLine(dataset);
        try {
            Optional<RefreshOutcome> outcome = refresh.await(ProgressLine.INTERVAL);
            while (outcome.isEmpty()) {
                out.print(progress.update(refresh.rows(), refresh.elapsed()));
                out.flush();
                outcome = refresh.await(ProgressLine.INTERVAL);
            }
            out.print(progress.clear());
            out.println(ProgressLine.succeeded(outcome.get()));
            outcome.get().warnings().forEach(w -> out.println("  warning: " + w));
        } catch (RefreshException failed) {
            out.print(progress.clear());
            throw new CommandException(dataset + ": FAILED (" + failed.reason() + "): " + failed.getMessage());
        } catch (InterruptedException stopped) {
            // Ctrl-C stops the waiting, not the refresh
            out.print(progress.clear());
            out.println("stopped waiting; the refresh of " + dataset + " goes on, gateway:history " + dataset
                    + " shows how it ends");
            Thread.currentThread().interrupt();
        }
    }

    /** Who asked, for the history: the shell user when the session has one (SSH, the local console). */
    private static String trigger() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "shell" : "shell:" + user;
    }
}
