package org.fuwu.queueing.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.fuwu.routing.WaitEstimator;

/**
 * The baseline wait estimate without any history: routing's {@link WaitEstimator} (bootstrap simulation,
 * P50 and P90) over the people ahead and the counters that serve the service. The lobby itself
 * estimates from real data with {@link LobbyWaitEstimator} (recent service times, counters open and
 * busy now, appointments); this stays as the configuration-only figure for callers that have no branch
 * data at hand (and as the reference its tests compare against).
 *
 * <p>Without real service times and counter states, the estimator draws
 * service times from an exponential distribution with the service type's expected time, and a
 * counter is taken as busy whenever anyone waits (had a counter been free, nobody would wait) and
 * free otherwise. A service that no counter serves falls back to {@link SimpleWaitEstimator} with
 * one counter, so the kiosk still shows a figure.
 */
public final class LobbyWaitEstimates {

    private LobbyWaitEstimates() {
    }

    public static WaitEstimate estimate(ServiceType service, int peopleAhead, int counters) {
        if (counters < 1) {
            return SimpleWaitEstimator.estimate(peopleAhead, service.expectedServiceSeconds(), 1);
        }
        Duration expected = Duration.ofSeconds(Math.max(1, service.expectedServiceSeconds()));
        WaitEstimator estimator = new WaitEstimator(Map.of(), Map.of(service.code(), expected), expected);
        List<String> ahead = Collections.nCopies(peopleAhead, service.code());
        return estimator.estimate(ahead, counters, peopleAhead > 0 ? counters : 0)
                .map(w -> new WaitEstimate(w.p50().toSeconds(), w.p90().toSeconds()))
                .orElseGet(() -> SimpleWaitEstimator.estimate(peopleAhead, service.expectedServiceSeconds(), 1));
    }
}
