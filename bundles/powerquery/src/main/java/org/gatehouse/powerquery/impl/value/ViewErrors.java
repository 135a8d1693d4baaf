package org.gatehouse.powerquery.impl.value;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The error records made by Table.ViewError: raised by a Table.View handler, such an error is the operation's error
 * instead of a reason to fall back to the default behaviour (Microsoft's Table.ViewError reference). A record is marked
 * by identity (MRecord keeps Object's equality), and the mark is forgotten with the record.
 */
public final class ViewErrors {

    private static final Set<MRecord> MARKED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<MRecord, Boolean>()));

    private ViewErrors() {
    }

    public static MRecord mark(MRecord record) {
        MARKED.add(record);
        return record;
    }

    public static boolean isMarked(Object record) {
        return record instanceof MRecord r && MARKED.contains(r);
    }
}
