package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.gatehouse.api.refresh.RefreshService;

@Command(scope = "gateway", name = "refresh-cancel", description = "Cancels the refreshes of a dataset running now, "
        + "whoever started them (the shell, the service over the relay, a schedule): the query stops at the data "
        + "source, the requester gets a CANCELLED error and gateway:history shows who cancelled it.")
@Service
public class RefreshCancelCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Reference
    private RefreshService refreshes;

    @Override
    protected void run() {
        if (!refreshes.datasets().contains(dataset)) {
            throw new IllegalArgumentException("no dataset '" + dataset + "' is defined");
        }
        String user = ShellUtil.getCurrentUserName();
        if (!refreshes.cancel(dataset, user == null ? "shell" : "shell:" + user)) {
            throw new IllegalArgumentException("no refresh of " + dataset + " is running");
        }
        System.out.println("refresh of " + dataset + " cancelled; gateway:history " + dataset + " shows it");
    }
}
