package org.gatehouse.connector.sql.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and removes sign-in details inside JDBC URLs, whose syntax differs by driver: {@code ;password=x} (SQL
 * Server, H2), {@code ?user=a&password=x} (PostgreSQL), {@code //user:password@host} (MySQL and others). A URL is
 * only ever shown in a message after passing through {@link #withoutCredentials(String)}.
 */
final class JdbcUrls {

    /** Parameter names that carry a secret: password, sslpassword, trustStorePassword, pwd, accessToken... */
    private static final String SECRET_NAME = "[^;?&=]*?(?:password|passwd|pwd|secret|token|passphrase)[^;?&=]*";
    private static final String USER_NAME = "user|username|userid|user id|uid";
    /** A value ends at the next separator, or is a {braced value} in which }} stands for one }. */
    private static final String VALUE = "(\\{(?:[^}]|}})*}|[^;&]*)";

    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "([;?&])\\s*(?:" + SECRET_NAME + "|" + USER_NAME + ")\\s*=" + VALUE, Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "[;?&]\\s*" + SECRET_NAME + "\\s*=" + VALUE, Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("//([^/?;@]*)@");

    private JdbcUrls() {
    }

    /** The URL with every user, password or similar parameter removed, fit for messages and logs. */
    static String withoutCredentials(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//");
        String withoutParameters = CREDENTIAL_PARAMETER.matcher(withoutUserInfo)
                .replaceAll(match -> match.group(1).equals("?") ? "?" : "");
        String tidy = withoutParameters.replace("?&", "?");
        return tidy.endsWith("?") ? tidy.substring(0, tidy.length() - 1) : tidy;
    }

    /** The secret values written into the URL itself, so they can be kept out of driver messages too. */
    static List<String> secretsIn(String url) {
        List<String> secrets = new ArrayList<>();
        Matcher parameter = SECRET_PARAMETER.matcher(url);
        while (parameter.find()) {
            secrets.add(unbraced(parameter.group(1).trim()));
        }
        Matcher userInfo = USER_INFO.matcher(url);
        if (userInfo.find() && userInfo.group(1).contains(":")) {
            secrets.add(userInfo.group(1).substring(userInfo.group(1).indexOf(':') + 1));
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    private static String unbraced(String value) {
        if (value.length() >= 2 && value.startsWith("{") && value.endsWith("}")) {
            return value.substring(1, value.length() - 1).replace("}}", "}");
        }
        return value;
    }
}
