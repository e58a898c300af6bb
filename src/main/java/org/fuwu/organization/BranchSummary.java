package org.fuwu.organization;

import java.time.ZoneId;
import java.util.Locale;

/**
 * What other modules need to know about a branch: its code, names, region, time zone and whether
 * it is open for business.
 */
public record BranchSummary(String code, String nameZh, String nameEn, String regionCode, ZoneId timeZone,
                            boolean active) {

    /** The name in the language of a locale: Chinese for {@code zh}, English otherwise. */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
