package org.fuwu.organization.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A counter as an administrator enters it. The code is given on create only.
 *
 * @param number the number shown to customers
 * @param zoneCode an active zone of the same branch
 * @param kind a {@link CounterKind} name
 */
public record CounterInput(@Size(max = 10) String code,
                           @NotBlank @Size(max = 10) String number,
                           @NotBlank @Size(max = 10) String zoneCode,
                           @NotBlank String kind,
                           Boolean active,
                           Long version) {

    public static CounterInput of(Counter c) {
        return new CounterInput(c.code(), c.number(), c.zoneCode(), c.kind().name(), c.active(), c.version());
    }
}
