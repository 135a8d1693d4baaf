package org.gatehouse.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.gatehouse.api.ColumnType;

/**
 * The text form of a non-null value, shared by the CSV and JSON writers so that both files of one result agree:
 * decimals in plain notation (never 1E+3, no digits lost), dates and times in ISO-8601 with seconds always present,
 * binary in base64.
 */
final class ValueText {

    private ValueText() {
    }

    static String of(ColumnType type, Object value) {
        return switch (type) {
            case BOOLEAN, INTEGER, LONG, STRING -> value.toString();
            // the shortest text that reads back as the same double
            case DOUBLE -> Double.toString((Double) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
            // LocalTime.toString drops zero seconds ("10:15"), which some readers reject
            case TIME -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
            case TIMESTAMP -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
            case TIMESTAMP_TZ -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
        };
    }
}
