package org.fuwu.routing;

/**
 * Erlang C (M/M/N with an infinite queue) for staffing. Traffic {@code a} in erlangs = arrivals per second
 * times the average handling time in seconds. Computed through the Erlang B recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = N·B / (N − a·(1 − B)): stable for N in the thousands.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** The traffic in erlangs of {@code calls} arriving in {@code intervalSeconds}, each taking {@code ahtSeconds}. */
    public static double traffic(double calls, double intervalSeconds, double ahtSeconds) {
        require(calls >= 0 && intervalSeconds > 0 && ahtSeconds > 0, "need calls >= 0, interval > 0, aht > 0");
        return calls * ahtSeconds / intervalSeconds;
    }

    /** Erlang B: the blocking probability with {@code n} servers and no queue. */
    public static double erlangB(double a, int n) {
        require(a >= 0 && n >= 0, "need a >= 0 and n >= 0");
        double b = 1.0;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** The probability that an arrival waits; 1 when {@code n <= a} (the queue grows without bound). */
    public static double probabilityOfWait(double a, int n) {
        require(a >= 0 && n >= 1, "need a >= 0 and n >= 1");
        if (n <= a) {
            return 1.0;
        }
        double b = erlangB(a, n);
        return n * b / (n - a * (1 - b));
    }

    /** The average speed of answer (mean wait of all arrivals) in seconds; infinite when {@code n <= a}. */
    public static double averageSpeedOfAnswer(double a, int n, double ahtSeconds) {
        require(ahtSeconds > 0, "need aht > 0");
        if (n <= a) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWait(a, n) * ahtSeconds / (n - a);
    }

    /** The service level: the share of arrivals answered within {@code targetSeconds}; 0 when {@code n <= a}. */
    public static double serviceLevel(double a, int n, double ahtSeconds, double targetSeconds) {
        require(ahtSeconds > 0 && targetSeconds >= 0, "need aht > 0 and target >= 0");
        if (n <= a) {
            return 0.0;
        }
        return 1 - probabilityOfWait(a, n) * Math.exp(-(n - a) * targetSeconds / ahtSeconds);
    }

    /** The occupancy of the servers, a / n. */
    public static double occupancy(double a, int n) {
        require(a >= 0 && n >= 1, "need a >= 0 and n >= 1");
        return Math.min(1.0, a / n);
    }

    /** The fewest servers whose service level reaches {@code level} (e.g. 0.8 within 20 s). */
    public static int serversFor(double a, double ahtSeconds, double targetSeconds, double level) {
        require(level >= 0 && level < 1, "need 0 <= level < 1");
        int n = Math.max(1, (int) Math.floor(a) + 1);
        while (serviceLevel(a, n, ahtSeconds, targetSeconds) < level) {
            n++;
        }
        return n;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
