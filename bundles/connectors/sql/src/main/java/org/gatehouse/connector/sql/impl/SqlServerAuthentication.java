package org.gatehouse.connector.sql.impl;

import java.util.Locale;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;

/** How a SQL Server data source signs in: the {@code authentication} setting. */
enum SqlServerAuthentication {

    /** A SQL Server login: user name and password. */
    SQL("sql"),
    /** The gateway process's Windows identity, through the driver's native integrated authentication (Windows only). */
    WINDOWS_INTEGRATED("windows-integrated"),
    /** The gateway process's Kerberos identity through the JDK's GSS-API: works on any OS with a krb5 setup. */
    KERBEROS("kerberos");

    static final String SETTING = "authentication";

    private final String settingValue;

    SqlServerAuthentication(String settingValue) {
        this.settingValue = settingValue;
    }

    String settingValue() {
        return settingValue;
    }

    boolean integrated() {
        return this != SQL;
    }

    /**
     * The mode a data source asks for, checked against the credentials it is signed in with. Without a setting the
     * credentials decide: Windows credentials mean integrated security, anything else a SQL login.
     */
    static SqlServerAuthentication resolve(String dataSourceId, String setting, AuthenticationType credentials)
            throws ConnectorException {
        boolean windows = credentials == AuthenticationType.WINDOWS;
        if (setting == null) {
            return windows ? WINDOWS_INTEGRATED : SQL;
        }
        SqlServerAuthentication mode = parse(dataSourceId, setting);
        if (mode.integrated() != windows) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, "data source " + dataSourceId + " has "
                    + SETTING + "=" + mode.settingValue + " but is signed in with " + credentials + " credentials; "
                    + (mode.integrated() ? "integrated authentication needs WINDOWS credentials"
                            : "WINDOWS credentials need authentication=windows-integrated or kerberos"));
        }
        return mode;
    }

    private static SqlServerAuthentication parse(String dataSourceId, String setting) throws ConnectorException {
        String wanted = setting.trim().toLowerCase(Locale.ROOT);
        for (SqlServerAuthentication mode : values()) {
            if (mode.settingValue.equals(wanted)) {
                return mode;
            }
        }
        throw new ConnectorException(Reason.INVALID_SETTINGS, "data source " + dataSourceId + ": setting '"
                + SETTING + "' must be sql, windows-integrated or kerberos, not '" + setting + "'");
    }
}
