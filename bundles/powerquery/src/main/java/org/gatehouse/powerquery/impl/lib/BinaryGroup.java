package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * BinaryFormat.Group: keyed items read until the input ends (or a last key). Each key is read with the key format and
 * picks the item whose value follows it; the result lists the items in the group's order. A key no item expects, or a
 * second occurrence of a required or optional item, goes to the {@code extra} function, whose format reads and drops
 * the value; without {@code extra} it is an error.
 */
final class BinaryGroup {

    private static final int OPTIONAL = 0;
    private static final int REQUIRED = 1;
    private static final int REPEATING = 2;

    /** One item definition: {key, format, occurrence, default value?, transform?}. */
    private record Item(Object key, BinaryFormats.Format format, int occurrence, Object fallback, MFunction transform) { }

    private BinaryGroup() {
    }

    static BinaryFormats.Format of(BinaryFormats.Format keyFormat, MList group, MFunction extra, Object lastKey) {
        List<Item> items = new ArrayList<>();
        for (Object definition : group.values()) {
            MList d = Values.list(definition);
            if (d.size() < 3 || d.size() > 5) {
                throw Errors.expression("A group item is {key, format, occurrence[, default[, transform]]}.");
            }
            Object fallback = d.size() > 3 ? d.get(3) : null;
            MFunction transform = d.size() > 4 && d.get(4) != null ? Values.function(d.get(4)) : null;
            items.add(new Item(d.get(0), BinaryFormats.format(d.get(1)), (int) Values.number(d.get(2)), fallback,
                    transform));
        }
        return new BinaryFormats.Format(c -> read(c, keyFormat, items, extra, lastKey));
    }

    private static Object read(BinaryFormats.Cursor c, BinaryFormats.Format keyFormat, List<Item> items, MFunction extra,
            Object lastKey) {
        List<List<Object>> seen = new ArrayList<>();
        items.forEach(i -> seen.add(new ArrayList<>()));
        while (c.pos < c.end) {
            Object key = keyFormat.read(c);
            if (lastKey != null && Values.equal(key, lastKey)) {
                break;
            }
            int at = indexOf(items, key);
            if (at >= 0 && (items.get(at).occurrence() == REPEATING || seen.get(at).isEmpty())) {
                seen.get(at).add(items.get(at).format().read(c));
            } else if (extra != null) {
                BinaryFormats.format(extra.call(key)).read(c);
            } else {
                throw Errors.dataFormat("The key " + Values.describe(key) + " is not expected in the binary group.");
            }
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(value(items.get(i), seen.get(i)));
        }
        return new MList(out);
    }

    private static Object value(Item item, List<Object> values) {
        if (values.isEmpty()) {
            if (item.occurrence() == REQUIRED) {
                throw Errors.dataFormat("The required key " + Values.describe(item.key()) + " is missing from the binary.");
            }
            if (item.fallback() != null) {
                return item.fallback();
            }
            return item.occurrence() == REPEATING ? new MList(List.of()) : null;
        }
        Object v = item.occurrence() == REPEATING ? new MList(values) : values.get(0);
        return item.transform() == null ? v : item.transform().call(v);
    }

    private static int indexOf(List<Item> items, Object key) {
        for (int i = 0; i < items.size(); i++) {
            if (Values.equal(items.get(i).key(), key)) {
                return i;
            }
        }
        return -1;
    }
}
