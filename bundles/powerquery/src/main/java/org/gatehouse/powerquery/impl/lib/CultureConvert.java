package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * {@link Convert#to} for a culture: texts read as the culture writes numbers and dates, numbers and dates written as
 * text the culture's way. The default culture converts exactly as Convert does. Make one per call (a
 * TransformColumnTypes, a FromText) and use it for every value: the culture's data is resolved once.
 */
final class CultureConvert {

    private final Culture culture;
    private LenientDateParser dates; // looked up on the first date text, then kept for the call's other values

    private CultureConvert(Culture culture) {
        this.culture = culture;
    }

    static CultureConvert of(Culture culture) {
        return new CultureConvert(culture);
    }

    /** The converter of a function's culture argument: a name, [Culture = name] or null for the default culture. */
    static CultureConvert ofArgument(Object argument) {
        return of(Culture.ofArgument(argument));
    }

    Culture culture() {
        return culture;
    }

    boolean isDefault() {
        return culture.isDefault();
    }

    Object to(Object v, MType type) {
        v = Values.strip(v);
        if (v == null || culture.isDefault() || Convert.emptyToNull(v, type)) {
            return Convert.to(v, type);
        }
        return switch (type.kind()) {
            case "number" -> v instanceof String s ? Convert.to(CultureNumbers.invariantText(s, culture), type) : Convert.to(v, type);
            case "text" -> text(v);
            case "date" -> v instanceof String s ? parseDate(s).toDate() : Convert.to(v, type);
            case "datetime" -> v instanceof String s ? parseDate(s).toDateTime() : Convert.to(v, type);
            case "datetimezone" -> v instanceof String s ? parseDate(s).toDateTimeZone() : Convert.to(v, type);
            case "time" -> v instanceof String s ? parseDate(s).toTime() : Convert.to(v, type);
            default -> Convert.to(v, type);
        };
    }

    /** Text.From with the culture: numbers and dates the culture's way, the rest as usual. */
    String text(Object v) {
        v = Values.strip(v);
        if (v instanceof Double d) {
            return CultureNumbers.general(d, culture);
        }
        if (v instanceof BigDecimal b && !culture.isDefault()) {
            return Values.toText(b).replace("-", culture.negativeSign).replace(".", culture.decimalSeparator);
        }
        if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime || v instanceof LocalTime) {
            return culture.isDefault() ? Values.toText(v) : DotNetDateFormat.of(culture).defaultText(v);
        }
        return v == null ? null : Convert.toText(v);
    }

    /** A date, time or both as the culture writes them; the default culture also reads what Convert reads. */
    ParsedDateTime parseDate(String text) {
        if (dates == null) {
            dates = LenientDateParser.of(culture);
        }
        try {
            return dates.parse(text);
        } catch (RuntimeException e) {
            if (!culture.isDefault()) {
                throw e;
            }
            LocalDateTime d = Convert.parseDateTime(text);
            return new ParsedDateTime(d.toLocalDate(), d.toLocalTime(), null);
        }
    }
}
