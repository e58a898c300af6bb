package org.fuwu.queueing.web;

import java.util.Locale;

/** How the statistics page writes durations and rates: {@code m:ss} (or {@code h:mm:ss}) and whole percents. */
public final class StatisticsFormat {

    /** A duration in seconds, or a dash when there is none. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.max(0, seconds);
        if (s >= 3600) {
            return "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60);
        }
        return "%d:%02d".formatted(s / 60, s % 60);
    }

    /** A rate from 0 to 1 as a percent, or a dash when there is none. */
    public String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
