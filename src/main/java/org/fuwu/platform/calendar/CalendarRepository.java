package org.fuwu.platform.calendar;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.platform.BusinessCalendar.DayKind;
import org.fuwu.platform.BusinessCalendar.SpecialDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the calendar tables. */
@Repository
class CalendarRepository {

    /** A calendar's row: its code, names and weekend days. */
    record CalendarRow(String code, String nameZh, String nameEn, Set<DayOfWeek> weekend) {

        public List<String> weekendNames() {
            return weekend.stream().sorted().map(Enum::name).toList();
        }
    }

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarRow> calendars() {
        return jdbc.sql("select code, name_zh, name_en, weekend_days from business_calendar order by code")
                .query((rs, n) -> new CalendarRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        weekend(rs.getString(4)))).list();
    }

    Optional<CalendarRow> calendar(String code) {
        return jdbc.sql("select code, name_zh, name_en, weekend_days from business_calendar where code = :code")
                .param("code", code)
                .query((rs, n) -> new CalendarRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        weekend(rs.getString(4)))).optional();
    }

    List<SpecialDay> days(String code) {
        return jdbc.sql("select day_date, kind, name_zh, name_en from business_calendar_day "
                        + "where calendar_code = :code order by day_date").param("code", code)
                .query((rs, n) -> new SpecialDay(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4))).list();
    }

    boolean dayExists(String code, LocalDate date) {
        return jdbc.sql("select count(*) from business_calendar_day where calendar_code = :code and day_date = :date")
                .param("code", code).param("date", Date.valueOf(date)).query(Long.class).single() > 0;
    }

    void insertDay(String code, SpecialDay day) {
        jdbc.sql("insert into business_calendar_day (calendar_code, day_date, kind, name_zh, name_en) "
                        + "values (:code, :date, :kind, :nameZh, :nameEn)")
                .param("code", code).param("date", Date.valueOf(day.date())).param("kind", day.kind().name())
                .param("nameZh", day.nameZh()).param("nameEn", day.nameEn()).update();
    }

    int deleteDay(String code, LocalDate date) {
        return jdbc.sql("delete from business_calendar_day where calendar_code = :code and day_date = :date")
                .param("code", code).param("date", Date.valueOf(date)).update();
    }

    static Set<DayOfWeek> weekend(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(DayOfWeek.class);
        }
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> DayOfWeek.of(Integer.parseInt(s)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
