package org.gatehouse.connector.excel.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gatehouse.api.ConnectorException;

/**
 * The data source's {@code pathMap} setting: {@code C:\Users\me\Desktop=/data/inputs;D:\x=/y}. Each entry maps a
 * folder the workbook's author used in the M code to a folder on the gateway machine. The targets are not trusted:
 * every path, remapped or not, is still checked against the allowed roots when it is read.
 */
final class PathMap {

    static final String SETTING = "pathMap";

    private final Map<String, String> entries;

    private PathMap(Map<String, String> entries) {
        this.entries = entries;
    }

    static PathMap parse(String dataSource, String text) throws ConnectorException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1 || entry.substring(0, eq).isBlank()
                        || entry.substring(eq + 1).isBlank()) {
                    throw new ConnectorException(ConnectorException.Reason.INVALID_SETTINGS, "data source " + dataSource
                            + ": setting '" + SETTING + "' entry '" + entry.trim() + "' is not 'authorFolder=localFolder'");
                }
                entries.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return new PathMap(entries);
    }

    Map<String, String> entries() {
        return entries;
    }
}
