package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.gatehouse.powerquery.impl.value.MType;

/**
 * Table.TransformColumnTypes with a culture: dates and times become text in the culture's default pattern
 * ("24/03/2024" in fr-FR) and text becomes a date or time by the culture's patterns when they fit. Every other
 * conversion is the culture-free {@link Convert#to}.
 */
final class CulturalConversion {

    private CulturalConversion() {
    }

    /**
     * Whether a culture changes conversions at all: the engine's usual readings and texts are en-US already, and the
     * cultural path tries the culture's patterns first, which costs a failed parse per cell where they don't fit.
     */
    static boolean changesConversion(String culture) {
        return culture != null && !culture.isEmpty() && !culture.equalsIgnoreCase("en-US");
    }

    static Object to(Object v, MType type, String culture) {
        if (culture == null || v == null) {
            return Convert.to(v, type);
        }
        boolean temporal = v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
                || v instanceof OffsetDateTime;
        if (temporal && type.kind().equals("text")) {
            return DateFunctions.toText(v, null, culture);
        }
        if (v instanceof String text && isTemporal(type.kind())) {
            OffsetDateTime parsed = parse(text, culture);
            if (parsed != null) {
                return switch (type.kind()) {
                    case "date" -> parsed.toLocalDate();
                    case "datetime" -> parsed.toLocalDateTime();
                    case "time" -> parsed.toLocalTime();
                    default -> parsed;
                };
            }
        }
        return Convert.to(v, type);
    }

    private static boolean isTemporal(String kind) {
        return kind.equals("date") || kind.equals("datetime") || kind.equals("datetimezone") || kind.equals("time");
    }

    /** The text in the culture's patterns, or null to convert it as usual. */
    private static OffsetDateTime parse(String text, String culture) {
        try {
            return DotNetDateFormat.of(culture).parseCultureDefault(text, new boolean[1]);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
