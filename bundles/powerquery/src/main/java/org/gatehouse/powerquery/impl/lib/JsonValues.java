package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
