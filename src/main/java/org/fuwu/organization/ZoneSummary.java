package org.fuwu.organization;

import java.util.Locale;

/**
 * What other modules need to know about a zone (区域) of a branch: its code and names.
 *
 * @param code the zone's code in its branch, such as {@code Z01}
 * @param kind the kind, such as SMALL_CASH or WEALTH
 */
public record ZoneSummary(String code, String nameZh, String nameEn, String kind) {

    /** The name in the language of a locale: Chinese for {@code zh}, English otherwise. */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
