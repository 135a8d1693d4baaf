package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gatehouse.powerquery.impl.value.*;

/** JSON to M values (objects become records, arrays lists) and back, with Jackson's tree model. */
public final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    public static Object parse(String text) {
        try {
            return toValue(MAPPER.readTree(text));
        } catch (IOException e) {
            throw Errors.dataFormat("We found an invalid JSON document: " + e.getMessage());
        }
    }

    /**
     * {@code Json.FromValue}: compact JSON text. Records are objects, lists and tables arrays (a table's rows as
     * objects), dates and times ISO 8601 text, durations ISO 8601 ({@code P1DT2H}), binaries base64 text. Functions
     * and types have no JSON form: an Expression.Error.
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        Object v = Values.strip(Thunk.force(value));
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            json.writeNumber(d.stripTrailingZeros().scale() <= 0 ? d.setScale(0) : d);
        } else if (v instanceof Number n) {
            writeNumber(json, n.doubleValue());
        } else if (v instanceof String text) {
            json.writeString(text);
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
                || v instanceof OffsetDateTime) {
            json.writeString(v.toString());
        } else if (v instanceof Duration d) {
            json.writeString(isoDuration(d));
        } else if (v instanceof MBinary b) {
            json.writeString(Base64.getEncoder().encodeToString(b.bytes()));
        } else if (v instanceof MRecord r) {
            json.writeStartObject();
            for (String name : r.names()) {
                json.writeFieldName(name);
                write(json, r.get(name));
            }
            json.writeEndObject();
        } else if (v instanceof MList list) {
            json.writeStartArray();
            for (Object item : list.values()) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (v instanceof MTable table) {
            json.writeStartArray();
            for (Object[] row : table.rows()) {
                json.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    json.writeFieldName(table.columns().get(c));
                    write(json, row[c]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            throw Errors.expression("Json.FromValue: the value " + Values.describe(v) + " has no JSON form.");
        }
    }

    private static void writeNumber(JsonGenerator json, double x) throws IOException {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw Errors.expression("Json.FromValue: " + x + " has no JSON form.");
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            json.writeNumber((long) x);
        } else {
            json.writeNumber(x);
        }
    }

    private static String isoDuration(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        StringBuilder text = new StringBuilder(sign).append('P');
        if (a.toDays() > 0) {
            text.append(a.toDays()).append('D');
        }
        Duration time = a.minusDays(a.toDays());
        if (!time.isZero() || a.isZero()) {
            text.append('T');
            if (time.toHoursPart() > 0) {
                text.append(time.toHoursPart()).append('H');
            }
            if (time.toMinutesPart() > 0) {
                text.append(time.toMinutesPart()).append('M');
            }
            if (time.toSecondsPart() > 0 || time.toNanosPart() > 0 || a.isZero()) {
                BigDecimal seconds = BigDecimal.valueOf(time.toSecondsPart())
                        .add(BigDecimal.valueOf(time.toNanosPart(), 9)).stripTrailingZeros();
                text.append(seconds.toPlainString()).append('S');
            }
        }
        return text.toString();
    }

    static Object toValue(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> items = new ArrayList<>();
            n.forEach(x -> items.add(toValue(x)));
            return new MList(items);
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey());
            values.add(toValue(e.getValue()));
        }
        return new MRecord(names, values);
    }
}
