package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gatehouse.powerquery.impl.value.Errors;

/** What a text said about a point in time: any of a date, a time of day and an offset (null when it said nothing). */
record ParsedDateTime(LocalDate date, LocalTime time, ZoneOffset offset) {

    LocalDate toDate() {
        if (date == null) {
            throw Errors.dataFormat("We couldn't parse the input provided as a Date value.");
        }
        return date;
    }

    LocalDateTime toDateTime() {
        return toDate().atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /** Without an offset in the text the time is taken as UTC, as the engine's other readings do. */
    OffsetDateTime toDateTimeZone() {
        return toDateTime().atOffset(offset == null ? ZoneOffset.UTC : offset);
    }

    LocalTime toTime() {
        if (time == null) {
            throw Errors.dataFormat("We couldn't parse the input provided as a Time value.");
        }
        return time;
    }

    /** The value of the kind the text shows: a date, a datetime or a datetimezone (Value.FromText). */
    Object natural() {
        if (date == null) {
            return toTime();
        }
        if (offset != null) {
            return toDateTimeZone();
        }
        return time == null ? date : toDateTime();
    }
}
