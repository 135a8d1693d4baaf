package org.gatehouse.shell.impl;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-show", description = "Shows a data source: its kind, settings, how it "
        + "is signed in and the datasets using it. Never a password, key or token.")
@Service
public class DataSourceShowCommand extends GatewayAction {

    @Argument(index = 0, name = "id", required = true, description = "data source id")
    @Completion(DataSourceIdCompleter.class)
    private String id;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        DataSourceInfo source = definitions.dataSource(id)
                .orElseThrow(() -> new IllegalArgumentException("no data source '" + id + "' is defined"));
        ShellTable table = new ShellTable().noHeaders();
        table.column("What");
        table.column("Value");
        table.addRow().addContent("Id", source.id());
        table.addRow().addContent("Kind", source.kind());
        table.addRow().addContent("Sign-in", source.authentication().name().toLowerCase(Locale.ROOT));
        table.addRow().addContent("User", Formats.orDash(source.user()));
        if (source.expiresAt() != null) {
            table.addRow().addContent("Expires", Formats.time(source.expiresAt(), ZoneId.systemDefault())
                    + (source.expiredAt(Instant.now()) ? " (expired: sign in again)" : ""));
        }
        for (Map.Entry<String, String> setting : source.settings().entrySet()) {
            table.addRow().addContent(setting.getKey(),
                    SecretLookingSettings.visibleValue(setting.getKey(), setting.getValue()));
        }
        table.addRow().addContent("Used by", String.join(", ", DatasetUse.datasetsUsing(id, definitions.datasets())));
        table.print(System.out);
    }
}
