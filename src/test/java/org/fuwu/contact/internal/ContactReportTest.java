package org.fuwu.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContactReportTest {

    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final Instant DAY = Instant.parse("2026-12-01T00:00:00+08:00".replace("+08:00", "Z")).minusSeconds(8 * 3600);
    static final Duration SHORT = Duration.ofSeconds(5);
    static final Duration FCR = Duration.ofDays(7);

    static Instant at(String hhmmss) {
        return DAY.plus(Duration.parse("PT" + hhmmss.replaceFirst("(\\d+):(\\d+):(\\d+)", "$1H$2M$3S")));
    }

    static ContactReport.Contact answered(String queue, String queued, int waitS, int handleS, Long customer, Instant next) {
        Instant q = at(queued);
        return new ContactReport.Contact(queue, 20, q, q.plusSeconds(waitS), null, q.plusSeconds(waitS + handleS), customer, next);
    }

    static ContactReport.Contact abandoned(String queue, String queued, int afterS) {
        Instant q = at(queued);
        return new ContactReport.Contact(queue, 20, q, null, q.plusSeconds(afterS), null, null, null);
    }

    @Test
    void serviceLevelAsaAhtAndFcrFollowTheReferenceFormulasPerIntervalAndQueue() {
        List<ContactReport.Contact> cs = List.of(
                answered("cards", "09:05:00", 10, 300, 1L, null),                  // within 20 s, resolved
                answered("cards", "09:20:00", 40, 100, 2L, at("09:20:00").plus(Duration.ofDays(2))), // late; repeat in 2 days
                abandoned("cards", "09:30:00", 60),                                // counts as offered
                abandoned("cards", "09:40:00", 3),                                 // short abandon: not offered
                answered("loans", "09:50:00", 0, 600, null, null),                 // a guest: not in FCR
                answered("cards", "10:10:00", 5, 60, 3L, at("10:10:00").plus(Duration.ofDays(8)))); // repeat after 8 days: resolved
        var rows = ContactReport.of(cs, List.of(), List.of(), at("09:00:00"), at("11:00:00"), ContactReport.Grain.HOUR, CN,
                SHORT, FCR);
        var cards9 = rows.stream().filter(r -> "cards".equals(r.queue()) && r.from().equals(at("09:00:00"))).findFirst().orElseThrow();
        assertThat(cards9.offered()).isEqualTo(3);
        assertThat(cards9.answered()).isEqualTo(2);
        assertThat(cards9.abandoned()).isEqualTo(1);
        assertThat(cards9.shortAbandons()).isEqualTo(1);
        assertThat(cards9.serviceLevel()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(cards9.asaSeconds()).isCloseTo(25.0, within(1e-9));
        assertThat(cards9.ahtSeconds()).isCloseTo(200.0, within(1e-9));
        assertThat(cards9.fcrContacts()).isEqualTo(2);
        assertThat(cards9.fcr()).isCloseTo(0.5, within(1e-9));
        var all9 = rows.stream().filter(r -> r.queue() == null && r.from().equals(at("09:00:00"))).findFirst().orElseThrow();
        assertThat(all9.offered()).isEqualTo(4);
        assertThat(all9.fcrContacts()).as("the guest is left out").isEqualTo(2);
        var cards10 = rows.stream().filter(r -> "cards".equals(r.queue()) && r.from().equals(at("10:00:00"))).findFirst().orElseThrow();
        assertThat(cards10.fcr()).isEqualTo(1.0);
        assertThat(rows.stream().filter(r -> r.queue() == null)).hasSize(2);
    }

    @Test
    void occupancyIsBusyWhileAvailableOverAvailableAndOverlapsCountOnce() {
        // agent 1 available 09:00-10:00, holding contacts 09:00-09:30 and (overlapping) 09:15-09:45: 45 of 60 minutes
        // agent 2 available 09:30-10:00 and idle
        var available = List.of(new ContactReport.Span(1, at("09:00:00"), at("10:00:00")),
                new ContactReport.Span(2, at("09:30:00"), at("10:00:00")));
        var busy = List.of(new ContactReport.Span(1, at("09:00:00"), at("09:30:00")),
                new ContactReport.Span(1, at("09:15:00"), at("09:45:00")),
                new ContactReport.Span(2, at("08:00:00"), at("08:30:00")));
        Double occ = ContactReport.occupancy(available, busy, at("09:00:00"), at("10:00:00"));
        assertThat(occ).isCloseTo(45.0 / 90, within(1e-9));
        assertThat(ContactReport.occupancy(List.of(), busy, at("09:00:00"), at("10:00:00"))).isNull();
    }

    @Test
    void quarterHoursAndDaysStartOnTheCentresClock() {
        assertThat(ContactReport.intervals(at("09:07:00"), at("10:00:00"), ContactReport.Grain.QUARTER_HOUR, CN))
                .containsExactly(at("09:00:00"), at("09:15:00"), at("09:30:00"), at("09:45:00"));
        assertThat(ContactReport.intervals(at("09:07:00"), at("09:07:00").plus(Duration.ofDays(2)), ContactReport.Grain.DAY, CN))
                .hasSize(3).first().isEqualTo(DAY);
    }
}
