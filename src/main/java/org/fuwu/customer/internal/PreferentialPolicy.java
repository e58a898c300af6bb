package org.fuwu.customer.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

import org.fuwu.customer.PreferentialClass;

/**
 * Who is served with priority. Disabled and pregnant customers are flagged by staff; a customer is
 * elderly when flagged, or from the 60th birthday on (the birth date comes from the ID number), so
 * that nobody has to remember to flag a customer on a birthday.
 */
public final class PreferentialPolicy {

    /** The age from which a customer counts as elderly (老年人, 60 周岁及以上). */
    public static final int ELDERLY_AGE = 60;

    private PreferentialPolicy() {
    }

    /** The classes in force on a day: the flagged ones, plus elderly by age. */
    public static Set<PreferentialClass> effective(Set<PreferentialClass> flagged, LocalDate birthDate, LocalDate today) {
        EnumSet<PreferentialClass> out = flagged.isEmpty() ? EnumSet.noneOf(PreferentialClass.class) : EnumSet.copyOf(flagged);
        if (isElderly(birthDate, today)) {
            out.add(PreferentialClass.ELDERLY);
        }
        return out;
    }

    public static boolean isElderly(LocalDate birthDate, LocalDate today) {
        return birthDate != null && ageOn(birthDate, today) >= ELDERLY_AGE;
    }

    /** Full years of age on a day; null without a birth date. */
    public static Integer age(LocalDate birthDate, LocalDate today) {
        return birthDate == null ? null : ageOn(birthDate, today);
    }

    private static int ageOn(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }
}
