package org.fuwu.queueing.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.platform.DemoData;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.TicketService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * Turns the demo lobby traffic on with {@code fuwu.demo.traffic=true}, and only under the
 * {@code demo} profile, so that a production install never gets simulated customers. It starts
 * after the demo data is loaded and stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnBooleanProperty(name = "fuwu.demo.traffic")
@EnableConfigurationProperties(DemoTrafficConfiguration.TrafficProperties.class)
class DemoTrafficConfiguration {

    /**
     * Settings of the demo traffic ({@code fuwu.demo.*}; see the README's configuration table).
     *
     * @param traffic whether to run it at all (default false)
     * @param trafficArrivalsPerHour arrivals per branch and hour, all services together (default 45)
     * @param trafficBranches the branches to animate (default the demo branches B001, B002, B003, B101)
     * @param trafficCounters "B001/C05" codes of the counters to drive; empty (default) for every counter no teller has taken
     * @param trafficPace factor on service, walk-up and pause times; 1 (default) is real time
     * @param trafficTick how often the lobbies advance (default 1 s)
     * @param trafficSeed the random seed; none (default) for a different day each start
     */
    @ConfigurationProperties("fuwu.demo")
    record TrafficProperties(boolean traffic, Double trafficArrivalsPerHour, List<String> trafficBranches,
                             Set<String> trafficCounters, Double trafficPace, Duration trafficTick, Long trafficSeed) {

        TrafficProperties {
            trafficArrivalsPerHour = trafficArrivalsPerHour == null ? TrafficPolicy.defaults().arrivalsPerHour()
                    : trafficArrivalsPerHour;
            trafficBranches = trafficBranches == null || trafficBranches.isEmpty()
                    ? List.of("B001", "B002", "B003", "B101") : List.copyOf(trafficBranches);
            trafficCounters = trafficCounters == null ? Set.of() : Set.copyOf(trafficCounters);
            trafficPace = trafficPace == null ? 1.0 : trafficPace;
            trafficTick = trafficTick == null ? Duration.ofSeconds(1) : trafficTick;
        }
    }

    @Bean(destroyMethod = "stop")
    DemoTraffic demoTraffic(TicketService tickets, CounterConsoleService console, LobbyConfigService config,
                            CustomerDirectory customers, Clock clock, TrafficProperties props) {
        TrafficPolicy d = TrafficPolicy.defaults();
        TrafficPolicy policy = new TrafficPolicy(props.trafficArrivalsPerHour(), d.vipShare(), d.preferentialShare(),
                d.noShowRate(), d.slowRate(), d.transferRate(), props.trafficPace());
        Random random = props.trafficSeed() == null ? new Random() : new Random(props.trafficSeed());
        return new DemoTraffic(tickets, console, config, customers, clock, policy, props.trafficBranches(),
                props.trafficCounters(), random);
    }

    /** Starts the traffic once the demo lobbies exist. */
    @Bean
    DemoTrafficStart demoTrafficStart(DemoTraffic traffic, TrafficProperties props) {
        return new DemoTrafficStart(traffic, props.trafficTick());
    }

    /** An application runner ordered after every demo data loader. */
    record DemoTrafficStart(DemoTraffic traffic, Duration tick) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) {
            traffic.start(tick);
        }

        @Override
        public int getOrder() {
            return DemoData.CUSTOMER + 200;
        }
    }
}
