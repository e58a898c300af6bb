package org.fuwu.organization.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;

/**
 * The input rules of the organisation, Spring-free: code format, coordinates, time zone, phone,
 * zone and counter kinds, and a week of opening hours. Each check adds the broken field to a list;
 * {@link #throwIfAny(List)} turns the list into a 422.
 */
public final class OrganizationRules {

    /** Codes of regions, branches, zones, counters: upper-case letters and digits, 2 to 10. */
    public static final Pattern CODE = Pattern.compile("^[A-Z0-9]{2,10}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{3,30}$");
    private static final Pattern COUNTER_NUMBER = Pattern.compile("^[A-Za-z0-9-]{1,10}$");
    private static final BigDecimal LAT = BigDecimal.valueOf(90);
    private static final BigDecimal LON = BigDecimal.valueOf(180);

    private OrganizationRules() {
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static void code(String field, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "validation.NotBlank"));
        } else if (!isCode(code)) {
            errors.add(new FieldError(field, "organization.validation.code"));
        }
    }

    /** Latitude and longitude are given together or not at all, in degrees within range. */
    public static void coordinates(BigDecimal latitude, BigDecimal longitude, List<FieldError> errors) {
        if (latitude == null && longitude != null) {
            errors.add(new FieldError("latitude", "organization.validation.coordinatesTogether"));
        }
        if (latitude != null && longitude == null) {
            errors.add(new FieldError("longitude", "organization.validation.coordinatesTogether"));
        }
        if (latitude != null && latitude.abs().compareTo(LAT) > 0) {
            errors.add(new FieldError("latitude", "organization.validation.latitude"));
        }
        if (longitude != null && longitude.abs().compareTo(LON) > 0) {
            errors.add(new FieldError("longitude", "organization.validation.longitude"));
        }
    }

    public static boolean isTimeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static void timeZone(String zone, List<FieldError> errors) {
        if (zone != null && !isTimeZone(zone)) {
            errors.add(new FieldError("timeZone", "organization.validation.timeZone"));
        }
    }

    public static void phone(String phone, List<FieldError> errors) {
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "organization.validation.phone"));
        }
    }

    public static void counterNumber(String number, List<FieldError> errors) {
        if (number != null && !number.isBlank() && !COUNTER_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("number", "organization.validation.counterNumber"));
        }
    }

    /** The enum constant a name stands for (any case), or null with an error when it names none. */
    public static <E extends Enum<E>> E kind(Class<E> type, String field, String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(field, "validation.NotBlank"));
            return null;
        }
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "organization.validation.kind", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /**
     * Checks a week of opening hours and returns all seven days, the unlisted ones closed. A weekday
     * is named once; an open day has both times and closes after it opens.
     */
    public static List<DayHours> week(HoursInput input, List<FieldError> errors) {
        Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
        List<HoursInput.Day> days = input == null || input.days() == null ? List.of() : input.days();
        for (int i = 0; i < days.size(); i++) {
            HoursInput.Day d = days.get(i);
            String prefix = "days[" + i + "].";
            DayOfWeek weekday = d == null ? null : kind(DayOfWeek.class, prefix + "weekday", d.weekday(), errors);
            if (weekday == null) {
                continue;
            }
            if (week.containsKey(weekday)) {
                errors.add(new FieldError(prefix + "weekday", "organization.validation.weekdayTwice"));
                continue;
            }
            if (Boolean.TRUE.equals(d.closed())) {
                week.put(weekday, DayHours.closed(weekday));
                continue;
            }
            boolean ok = true;
            if (d.opens() == null) {
                errors.add(new FieldError(prefix + "opens", "organization.validation.hoursRequired"));
                ok = false;
            }
            if (d.closes() == null) {
                errors.add(new FieldError(prefix + "closes", "organization.validation.hoursRequired"));
                ok = false;
            }
            if (ok && !d.closes().isAfter(d.opens())) {
                errors.add(new FieldError(prefix + "closes", "organization.validation.closesBeforeOpens"));
                ok = false;
            }
            if (ok) {
                week.put(weekday, DayHours.open(weekday, d.opens(), d.closes()));
            }
        }
        List<DayHours> all = new ArrayList<>(7);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.add(week.getOrDefault(day, DayHours.closed(day)));
        }
        return all;
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
