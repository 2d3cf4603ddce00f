package io.dsm.common.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The store's values as the JDBC helpers bind and read them, written once for every domain. */
public final class StoreValues {

    private StoreValues() {
    }

    /** A duration as an interval literal, bound as text and cast with {@code ?::interval}. */
    public static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    /** A timestamptz as JDBC (Timestamp) or Hibernate's native queries (Instant, OffsetDateTime) return it; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
