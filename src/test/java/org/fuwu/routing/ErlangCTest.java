package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Erlang C test vectors of REFERENCE.md. */
class ErlangCTest {

    @Test
    void trafficOf100CallsIn30MinutesAt180SecondsIs10Erlangs() {
        assertThat(ErlangC.traffic(100, 1800, 180)).isCloseTo(10.0, within(1e-12));
        assertThat(ErlangC.traffic(360, 1800, 240)).isCloseTo(48.0, within(1e-12));
    }

    @Test
    void tenErlangsOnElevenAgents() {
        assertThat(ErlangC.probabilityOfWait(10, 11)).isCloseTo(0.6821182, within(1e-7));
        assertThat(ErlangC.serviceLevel(10, 11, 180, 20)).isCloseTo(0.3896138, within(1e-7));
        assertThat(ErlangC.averageSpeedOfAnswer(10, 11, 180)).isCloseTo(122.78, within(0.005));
    }

    @Test
    void tenErlangsOnFourteenAgents() {
        assertThat(ErlangC.probabilityOfWait(10, 14)).isCloseTo(0.1741319, within(1e-7));
        assertThat(ErlangC.serviceLevel(10, 14, 180, 20)).isCloseTo(0.88835, within(5e-6));
        assertThat(ErlangC.averageSpeedOfAnswer(10, 14, 180)).isCloseTo(7.835937, within(1e-6));
        assertThat(ErlangC.occupancy(10, 14)).isCloseTo(0.7142857, within(1e-7));
        assertThat(ErlangC.serversFor(10, 180, 20, 0.8)).isEqualTo(14);
    }

    @Test
    void fortyEightErlangsOnFiftyFiveAgents() {
        assertThat(ErlangC.probabilityOfWait(48, 55)).isCloseTo(0.238701, within(1e-6));
        assertThat(ErlangC.averageSpeedOfAnswer(48, 55, 240)).isCloseTo(8.184, within(0.0005));
        assertThat(ErlangC.serviceLevel(48, 55, 240, 15)).isCloseTo(0.845883, within(1e-6));
    }

    @Test
    void twoHundredFiftyCallsAnHourNeedTwentyEightAgentsFor80In30() {
        double a = ErlangC.traffic(250, 3600, 330);
        assertThat(ErlangC.serversFor(a, 330, 30, 0.8)).isEqualTo(28);
        assertThat(ErlangC.serviceLevel(a, 28, 330, 30)).isCloseTo(0.85685, within(5e-6));
        assertThat(ErlangC.serviceLevel(a, 27, 330, 30)).isCloseTo(0.78218, within(5e-6));
    }

    @Test
    void largeAgentCountsStayStable() {
        assertThat(ErlangC.probabilityOfWait(48, 50)).isCloseTo(0.694456, within(1e-6));
        assertThat(ErlangC.probabilityOfWait(96, 100)).isCloseTo(0.587281, within(1e-6));
        assertThat(ErlangC.probabilityOfWait(487, 500)).isCloseTo(0.446475, within(1e-6));
        double huge = ErlangC.probabilityOfWait(4900, 5000);
        assertThat(huge).isBetween(0.0, 1.0).isNotNaN();
    }

    @Test
    void overloadWaitsAlwaysAndForever() {
        assertThat(ErlangC.probabilityOfWait(10, 10)).isEqualTo(1.0);
        assertThat(ErlangC.averageSpeedOfAnswer(10, 9, 180)).isInfinite();
        assertThat(ErlangC.serviceLevel(10, 9, 180, 20)).isZero();
    }

    @Test
    void erlangBRecursionStartsAtOne() {
        assertThat(ErlangC.erlangB(5, 0)).isEqualTo(1.0);
        assertThat(ErlangC.erlangB(1, 1)).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> ErlangC.erlangB(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
