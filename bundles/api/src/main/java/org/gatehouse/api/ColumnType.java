package org.gatehouse.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The column types a row source may produce, each with the one Java class its non-null values must have.
 * Connectors map their source's types onto these; anything without a faithful mapping becomes {@link #STRING}.
 */
public enum ColumnType {
    BOOLEAN(Boolean.class),
    INTEGER(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    DECIMAL(BigDecimal.class),
    STRING(String.class),
    DATE(LocalDate.class),
    TIME(LocalTime.class),
    /** A date and time without a zone, as most databases store it. */
    TIMESTAMP(LocalDateTime.class),
    /** A date and time with an offset from UTC. */
    TIMESTAMP_TZ(OffsetDateTime.class),
    BINARY(byte[].class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }
}
