package org.fuwu.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from SQL timestamps (stored in UTC), null-safe, the same on H2 and PostgreSQL. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
