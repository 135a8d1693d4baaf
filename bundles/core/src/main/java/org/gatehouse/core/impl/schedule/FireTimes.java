package org.gatehouse.core.impl.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.gatehouse.api.schedule.Timing;
import org.quartz.CronExpression;

/**
 * A timing's fire times, computed by Quartz's {@link CronExpression} in the timing's zone: the same arithmetic the
 * quartz endpoints that fire the schedules use, so what the shell shows is what fires. Across a DST change Quartz
 * leaves out a local time that does not exist (02:30 on a spring-forward day: no fire that day), and fires a local
 * time that exists twice (02:30 on a fall-back day) once, at its second occurrence (standard time).
 */
public final class FireTimes {

    private final List<CronExpression> expressions;

    private FireTimes(List<CronExpression> expressions) {
        this.expressions = expressions;
    }

    /** Refuses, in one line, a cron expression Quartz does not take. */
    public static FireTimes of(Timing timing) {
        TimeZone zone = TimeZone.getTimeZone(timing.zone());
        List<CronExpression> expressions = new ArrayList<>();
        for (String text : timing.cronExpressions()) {
            CronExpression expression;
            try {
                expression = new CronExpression(text);
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException("the cron expression '" + text + "' is not valid: "
                        + oneLine(e.getMessage()));
            }
            expression.setTimeZone(zone);
            expressions.add(expression);
        }
        return new FireTimes(List.copyOf(expressions));
    }

    /** The next {@code count} fire times strictly after {@code after}, earliest first (fewer if it ends). */
    public List<Instant> next(Instant after, int count) {
        List<Instant> times = new ArrayList<>();
        Date from = Date.from(after);
        while (times.size() < count) {
            Date earliest = null;
            for (CronExpression expression : expressions) {
                Date next = expression.getNextValidTimeAfter(from);
                if (next != null && (earliest == null || next.before(earliest))) {
                    earliest = next;
                }
            }
            if (earliest == null) {
                break;
            }
            times.add(earliest.toInstant());
            from = earliest;
        }
        return times;
    }

    private static String oneLine(String message) {
        return message == null ? "not a cron expression" : message.replaceAll("\\s+", " ").trim();
    }
}
