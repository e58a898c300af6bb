package org.fuwu.organization.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A branch as an administrator enters it. The code is given on create only; the time zone defaults
 * to Asia/Shanghai and {@code active} to true.
 *
 * @param version the version the change was based on, for optimistic locking; null to overwrite
 */
public record BranchInput(@Size(max = 10) String code,
                          @NotBlank @Size(max = 100) String nameZh,
                          @NotBlank @Size(max = 150) String nameEn,
                          @NotBlank @Size(max = 10) String regionCode,
                          @Size(max = 300) String addressZh,
                          @Size(max = 300) String addressEn,
                          BigDecimal latitude,
                          BigDecimal longitude,
                          @Size(max = 30) String phone,
                          @Size(max = 50) String timeZone,
                          Boolean active,
                          Long version) {

    public static BranchInput of(Branch b) {
        return new BranchInput(b.code(), b.nameZh(), b.nameEn(), b.regionCode(), b.addressZh(), b.addressEn(),
                b.latitude(), b.longitude(), b.phone(), b.timeZone(), b.active(), b.version());
    }
}
