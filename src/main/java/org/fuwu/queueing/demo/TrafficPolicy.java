package org.fuwu.queueing.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The arithmetic of the demo lobby, Spring-free and seeded so that a unit test checks it: when the
 * next customer arrives, for which service and of which class, how long a teller serves, how long a
 * called customer takes to walk up (or whether they never come), and whether a service ends in a
 * transfer.
 *
 * <ul>
 *   <li>Arrivals are a Poisson process per service: the gap to the next arrival is exponential with
 *       the service's rate (the branch's hourly rate shared by the service weights).</li>
 *   <li>Service times are lognormal with the service's expected time as their mean (σ = 0.5 of the
 *       log, so most services take between half and twice the expected time, with a long tail), as
 *       measured service times at bank counters are.</li>
 *   <li>A called customer walks up in 5–40 s; {@code noShowRate} of them never come (the teller
 *       recalls them, then marks a no-show), and {@code slowRate} of them come only after a recall.</li>
 * </ul>
 *
 * @param arrivalsPerHour arrivals at one branch per hour, all services together
 * @param vipShare the share of identified VIP customers among the arrivals (service V: all VIP)
 * @param preferentialShare the share of preferential customers (elderly, disabled, pregnant)
 * @param noShowRate the share of called customers who never come
 * @param slowRate the share of called customers who come only after a recall
 * @param transferRate the share of services that end in a transfer to another service
 * @param pace the factor on every duration (service, walk-up, teller pause): 1 is real time; tests use less
 */
public record TrafficPolicy(double arrivalsPerHour, double vipShare, double preferentialShare, double noShowRate,
                            double slowRate, double transferRate, double pace) {

    /** The class a customer arrives in; VIP and preferential come from demo customers of that kind. */
    public enum Kind { ORDINARY, VIP, PREFERENTIAL }

    /** What a called customer does. */
    public enum Response { COMES, COMES_AFTER_RECALL, NEVER_COMES }

    /** The weight of each demo service code in the arrivals; a code not named here weighs 1. */
    static final Map<String, Double> SERVICE_WEIGHTS = Map.of("A", 4.0, "B", 3.0, "C", 1.0, "D", 1.0, "V", 1.0);

    private static final double SERVICE_SIGMA = 0.5;

    public TrafficPolicy {
        if (!(arrivalsPerHour > 0) || !(pace > 0)) {
            throw new IllegalArgumentException("arrivalsPerHour and pace must be positive");
        }
        for (double p : new double[] {vipShare, preferentialShare, noShowRate, slowRate, transferRate}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("shares must be between 0 and 1");
            }
        }
        if (vipShare + preferentialShare > 1 || noShowRate + slowRate > 1) {
            throw new IllegalArgumentException("shares add up to more than 1");
        }
    }

    /** The defaults: 45 arrivals an hour per branch, 12% VIP, 8% preferential, 5% no-show, 10% slow, 3% transfer. */
    public static TrafficPolicy defaults() {
        return new TrafficPolicy(45, 0.12, 0.08, 0.05, 0.10, 0.03, 1.0);
    }

    /** The hourly arrival rate of one service of a branch offering {@code services}. */
    public double ratePerHour(String serviceCode, List<String> services) {
        double total = services.stream().mapToDouble(TrafficPolicy::weight).sum();
        if (!services.contains(serviceCode) || total <= 0) {
            return 0;
        }
        return arrivalsPerHour * weight(serviceCode) / total;
    }

    private static double weight(String serviceCode) {
        return SERVICE_WEIGHTS.getOrDefault(serviceCode, 1.0);
    }

    /** The gap to the next arrival of a Poisson process of that hourly rate (exponential, mean 1/rate), in real time. */
    public Duration nextArrival(double ratePerHour, Random random) {
        if (ratePerHour <= 0) {
            return Duration.ofDays(3650);
        }
        double hours = -Math.log(1 - random.nextDouble()) / ratePerHour;
        return Duration.ofNanos(Math.max(1, (long) (hours * 3_600e9)));
    }

    /** The class of an arriving customer; every customer of the VIP service (code V) is a VIP. */
    public Kind kind(String serviceCode, Random random) {
        if ("V".equals(serviceCode)) {
            return Kind.VIP;
        }
        double u = random.nextDouble();
        if (u < preferentialShare) {
            return Kind.PREFERENTIAL;
        }
        return u < preferentialShare + vipShare ? Kind.VIP : Kind.ORDINARY;
    }

    /**
     * A service time: lognormal with mean {@code expected}, so the log has μ = ln(expected) − σ²/2;
     * at least 20 s, times the pace.
     */
    public Duration serviceTime(Duration expected, Random random) {
        double mean = Math.max(1, expected.toMillis() / 1000.0);
        double mu = Math.log(mean) - SERVICE_SIGMA * SERVICE_SIGMA / 2;
        double seconds = Math.max(20, Math.exp(mu + SERVICE_SIGMA * random.nextGaussian()));
        return paced(seconds);
    }

    /** What a called customer does. */
    public Response response(Random random) {
        double u = random.nextDouble();
        if (u < noShowRate) {
            return Response.NEVER_COMES;
        }
        return u < noShowRate + slowRate ? Response.COMES_AFTER_RECALL : Response.COMES;
    }

    /** How long a called customer takes to reach the counter: 5 to 40 s, times the pace. */
    public Duration walkUp(Random random) {
        return paced(5 + 35 * random.nextDouble());
    }

    /** How long a teller waits for a customer before recalling (and between recalls): 30 s, times the pace. */
    public Duration recallAfter() {
        return paced(30);
    }

    /** The teller's pause between a completed service and the next call: 5 to 30 s, times the pace. */
    public Duration pause(Random random) {
        return paced(5 + 25 * random.nextDouble());
    }

    /** How long an idle teller waits before trying to call again when nobody waits: 10 s, times the pace. */
    public Duration idleRetry() {
        return paced(10);
    }

    /** Whether this service ends in a transfer to another service. */
    public boolean transfers(Random random) {
        return random.nextDouble() < transferRate;
    }

    private Duration paced(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000 * pace)));
    }
}
