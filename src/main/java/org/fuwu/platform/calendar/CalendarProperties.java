package org.fuwu.platform.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the business calendars.
 *
 * @param cacheTtl how long a loaded calendar is kept before it is read again; changes made in this
 *                 instance refresh it at once, changes made by another instance after this long (default 5 minutes)
 */
@ConfigurationProperties("fuwu.calendar")
public record CalendarProperties(Duration cacheTtl) {

    public CalendarProperties {
        if (cacheTtl == null) {
            cacheTtl = Duration.ofMinutes(5);
        }
    }
}
