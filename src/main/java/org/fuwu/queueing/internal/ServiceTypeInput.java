package org.fuwu.queueing.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator gives for a service type; the code is taken from the path on an update.
 *
 * @param code upper-case letters and digits, 1-10
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param zoneCode an organization zone code of the branch
 * @param prefix one or two upper-case letters
 * @param targetWaitMinutes the target wait in minutes (1-240)
 * @param expectedServiceMinutes the expected service time in minutes (1-120)
 * @param sortOrder the place on the kiosk, 0 when not given
 * @param active false to stop issuing tickets for it; true when not given
 */
public record ServiceTypeInput(
        @Pattern(regexp = "[A-Z0-9]{1,10}") String code,
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 100) String nameEn,
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String zoneCode,
        @NotBlank @Pattern(regexp = "[A-Z]{1,2}") String prefix,
        @NotNull @Min(1) @Max(240) Integer targetWaitMinutes,
        @NotNull @Min(1) @Max(120) Integer expectedServiceMinutes,
        @Min(0) @Max(999) Integer sortOrder,
        Boolean active) {
}
