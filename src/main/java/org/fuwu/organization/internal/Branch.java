package org.fuwu.organization.internal;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.fuwu.organization.BranchSummary;

/**
 * A branch (网点) of the bank: where it is, how to reach it and whether it is open for business.
 *
 * @param version the optimistic-lock version, raised by every change
 */
public record Branch(String code, String nameZh, String nameEn, String regionCode, String addressZh, String addressEn,
                     BigDecimal latitude, BigDecimal longitude, String phone, String timeZone, boolean active,
                     long version) {

    public BranchSummary summary() {
        return new BranchSummary(code, nameZh, nameEn, regionCode, ZoneId.of(timeZone), active);
    }
}
