package org.fuwu.queueing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the branch lobby ({@code fuwu.queueing.*}).
 *
 * @param anonymousIssuesPerWindow how many tickets one client address may take without a staff
 *        login (kiosk and mobile page, API and pages together) per window; default 20
 * @param anonymousIssueWindow the window of that limit; default one minute
 * @param maxRecalls how often a teller may call a ticket again before only a no-show is left; default 2
 */
@ConfigurationProperties("fuwu.queueing")
public record QueueingProperties(Integer anonymousIssuesPerWindow, Duration anonymousIssueWindow,
                                 Integer maxRecalls) {

    public QueueingProperties {
        anonymousIssuesPerWindow = anonymousIssuesPerWindow == null ? 20 : anonymousIssuesPerWindow;
        anonymousIssueWindow = anonymousIssueWindow == null ? Duration.ofMinutes(1) : anonymousIssueWindow;
        maxRecalls = maxRecalls == null ? 2 : maxRecalls;
    }
}
