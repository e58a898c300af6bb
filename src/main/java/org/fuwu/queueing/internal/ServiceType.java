package org.fuwu.queueing.internal;

import java.util.Locale;

/**
 * A service type (业务类型) a branch offers in its lobby.
 *
 * @param branchCode the branch
 * @param code the code, unique in the branch
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param zoneCode the organization zone of the branch where it is served
 * @param prefix one or two letters that start its ticket numbers, unique in the branch
 * @param targetWaitSeconds the wait the branch aims to stay under
 * @param expectedServiceSeconds the expected time at the counter
 * @param sortOrder where it stands on the kiosk
 * @param active whether tickets can be taken for it
 * @param version the optimistic-locking version
 */
public record ServiceType(String branchCode, String code, String nameZh, String nameEn, String zoneCode, String prefix,
                          int targetWaitSeconds, int expectedServiceSeconds, int sortOrder, boolean active, long version) {

    /** The name in the language of a locale: Chinese for {@code zh}, English otherwise. */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
