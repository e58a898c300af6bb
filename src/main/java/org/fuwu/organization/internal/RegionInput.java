package org.fuwu.organization.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A region as an administrator enters it. The code is given on create only.
 *
 * @param version the version the change was based on, for optimistic locking; null to overwrite
 */
public record RegionInput(@Size(max = 10) String code,
                          @NotBlank @Size(max = 100) String nameZh,
                          @NotBlank @Size(max = 100) String nameEn,
                          @NotBlank @Size(max = 10) String calendarCode,
                          Long version) {

    public static RegionInput of(Region r) {
        return new RegionInput(r.code(), r.nameZh(), r.nameEn(), r.calendarCode(), r.version());
    }
}
