package org.fuwu.organization.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A service zone as an administrator enters it. The code is given on create only.
 *
 * @param kind a {@link ZoneKind} name
 */
public record ZoneInput(@Size(max = 10) String code,
                        @NotBlank @Size(max = 100) String nameZh,
                        @NotBlank @Size(max = 100) String nameEn,
                        @NotBlank String kind,
                        Boolean active,
                        Long version) {

    public static ZoneInput of(Zone z) {
        return new ZoneInput(z.code(), z.nameZh(), z.nameEn(), z.kind().name(), z.active(), z.version());
    }
}
