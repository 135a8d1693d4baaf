package org.gatehouse.powerquery.impl.value;

import org.gatehouse.powerquery.MException;

/** The engine's standard M errors. */
public final class Errors {

    private Errors() {
    }

    public static MException expression(String message) {
        return new MException("Expression.Error", message);
    }

    public static MException dataFormat(String message) {
        return new MException("DataFormat.Error", message);
    }

    public static MException notSupported(String function) {
        return new MException("Expression.Error", "The function " + function + " is not supported.");
    }

    /**
     * As Power Query names the target of a failed {@code as}/Value.As: a primitive type by its kind's .NET-style name
     * ("to type Number", the reference's Value.As example; "to type Text"), any other type as M writes it.
     */
    public static MException cannotConvert(Object value, MType to) {
        String name = to.toString();
        String kind = switch (name) {
            case "datetime" -> "DateTime";
            case "datetimezone" -> "DateTimeZone";
            default -> name.matches("[a-z]+") ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
        };
        return cannotConvert(value, kind);
    }

    public static MException cannotConvert(Object value, String to) {
        return expression("We cannot convert the value " + Values.describe(value) + " to type " + to + ".");
    }

    /** The error record {@code try} yields and {@code error} raises: Reason, Message, Detail. */
    public static MRecord record(MException e) {
        if (e.record() instanceof MRecord r) {
            return r;
        }
        return MRecord.of("Reason", e.reason(), "Message", e.getMessage(), "Detail", e.detail());
    }

    /** A structured error's message: its format with each #{n} replaced by the n-th of Message.Parameters. */
    private static String formatted(MRecord r) {
        String format = Values.text(r.get("Message.Format"));
        Object parameters = r.has("Message.Parameters") ? Values.strip(r.get("Message.Parameters")) : null;
        if (!(parameters instanceof MList list)) {
            return format;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#\\{(\\d+)\\}").matcher(format);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String text = i < list.size() ? Values.toText(list.get(i)) : m.group();
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code error x}: x is a text (the message) or a record with Reason/Message/Detail. */
    public static MException fromValue(Object v) {
        if (v instanceof String s) {
            MRecord r = MRecord.of("Reason", "Expression.Error", "Message", s, "Detail", null);
            return new MException("Expression.Error", s, null, r);
        }
        if (v instanceof MRecord r) {
            String reason = r.has("Reason") && r.get("Reason") != null ? Values.text(r.get("Reason")) : "Expression.Error";
            String message = r.has("Message") && r.get("Message") != null ? Values.text(r.get("Message"))
                    : r.has("Message.Format") && r.get("Message.Format") != null ? formatted(r) : "";
            Object detail = r.has("Detail") ? r.get("Detail") : null;
            MRecord full = MRecord.of("Reason", reason, "Message", message, "Detail", detail);
            if (r.has("Message.Format") || r.has("Message.Parameters") || r.has("ErrorCode")) {
                // a record from Error.Record keeps its structured fields (Message.Format, Message.Parameters, ErrorCode)
                java.util.List<String> names = new java.util.ArrayList<>(full.names());
                java.util.List<Object> slots = new java.util.ArrayList<>(full.slots());
                for (int i = 0; i < r.names().size(); i++) {
                    if (!names.contains(r.names().get(i))) {
                        names.add(r.names().get(i));
                        slots.add(r.slot(i));
                    }
                }
                full = new MRecord(names, slots);
            }
            if (ViewErrors.isMarked(r)) {
                ViewErrors.mark(full); // the record try gives back keeps the mark when raised again
            }
            return new MException(reason, message, detail, full);
        }
        throw expression("An error value must be a text or a record.");
    }
}
