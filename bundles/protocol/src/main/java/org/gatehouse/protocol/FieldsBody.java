package org.gatehouse.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of an administrative request: named text fields, one {@code name=value} line each, UTF-8. In values (and
 * names) a backslash escapes itself ({@code \\}), a line feed ({@code \n}) and a carriage return ({@code \r}); the
 * first {@code =} of a line ends the name. Simple enough to write from any language.
 */
public final class FieldsBody {

    private FieldsBody() {
    }

    public static byte[] encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().isEmpty() || field.getKey().contains("=")) {
                throw new IllegalArgumentException("a field name must be non-empty and without '=': "
                        + field.getKey());
            }
            text.append(escape(field.getKey())).append('=').append(escape(field.getValue())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws ProtocolException (BAD_REQUEST) for a line without '=', a bad escape or a repeated name */
    public static Map<String, String> decode(byte[] body) throws ProtocolException {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null) {
            return fields;
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "line " + (i + 1) + " of the request body is not "
                        + "name=value");
            }
            String name = unescape(line.substring(0, equals), i + 1);
            if (fields.put(name, unescape(line.substring(equals + 1), i + 1)) != null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' appears twice in the "
                        + "request body");
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value, int line) throws ProtocolException {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < value.length() ? value.charAt(++i) : 0;
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new ProtocolException(ErrorCode.BAD_REQUEST, "line " + line
                        + " of the request body has an unknown escape");
            }
        }
        return out.toString();
    }
}
