package org.fuwu.platform.calendar;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A special day as an administrator enters it.
 *
 * @param date the day, ISO (2026-10-01)
 * @param kind HOLIDAY, or WORKDAY for an adjusted working day on a weekend (调休)
 */
public record DayInput(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @NotBlank String kind,
                       @NotBlank @Size(max = 100) String nameZh,
                       @NotBlank @Size(max = 100) String nameEn) {
}
