package org.gatehouse.powerquery.impl.lib;

import java.util.function.Supplier;

/**
 * Runs a workbook's refresh in the culture its author's Power Query used (Config/Package.xml): texts without a
 * culture argument then read and write numbers and dates that way, as in Excel ("01-04-2018" is 1 April in en-IN,
 * "1.234,5" a number in de-DE). Unknown or absent cultures keep en-US.
 */
public final class DocumentCulture {

    private DocumentCulture() {
    }

    public static <T> T during(String culture, Supplier<T> work) {
        String before = Culture.DOCUMENT.get();
        Culture.DOCUMENT.set(known(culture) ? culture.trim() : null);
        try {
            return work.get();
        } finally {
            Culture.DOCUMENT.set(before);
        }
    }

    private static boolean known(String culture) {
        if (culture == null || culture.isBlank() || culture.trim().equals(Culture.DEFAULT_NAME)) {
            return false;
        }
        try {
            Culture.of(culture.trim());
            return true;
        } catch (RuntimeException e) {
            return false; // a name this engine has no data for: en-US rather than a failed refresh
        }
    }
}
