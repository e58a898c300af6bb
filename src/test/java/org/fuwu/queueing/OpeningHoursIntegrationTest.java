package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.queueing.AppointmentTestSupport.anonymousClient;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Opening hours enforced, on a clock the test sets: tickets are refused outside a branch's hours with the
 * next opening, on public holidays, and taken on an adjusted working day (调休). Its own application
 * context (the other tests run with enforcement off, on the real clock).
 */
@FuwuIntegrationTest
// this context runs on a set clock; its contact-centre routing rounds would lapse every offer of the other test
// contexts that share the test database (an offer is due by the real clock), so it routes nothing
@TestPropertySource(properties = {"fuwu.queueing.schedule.enforce-opening-hours=true", "fuwu.contact.routing-enabled=false"})
class OpeningHoursIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-02T02:00:00Z"), SHANGHAI);

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    MockMvc mvc;

    private String branch;

    private static void at(String localDateTime) {
        CLOCK.set(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
    }

    @BeforeEach
    void weekdaysNineToFive() throws Exception {
        at("2026-12-02T10:00");
        branch = QueueingTestSupport.lobby(mvc);
        AppointmentTestSupport.hours(mvc, branch, "09:00", "17:00", List.of("SATURDAY", "SUNDAY"));
    }

    private org.springframework.test.web.servlet.ResultActions take() throws Exception {
        return mvc.perform(post("/api/v1/branches/" + branch + "/tickets").with(anonymousClient())
                .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\"}"));
    }

    @Test
    void aTicketIsTakenDuringOpeningHours() throws Exception {
        at("2026-12-02T09:00");
        take().andExpect(status().isCreated());
        at("2026-12-02T16:59");
        take().andExpect(status().isCreated());
    }

    @Test
    void afterClosingATicketIsRefusedWithTheNextOpening() throws Exception {
        at("2026-12-02T17:00");
        take().andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("2026-12-03 09:00")));
        at("2026-12-04T18:30");
        take().andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("2026-12-07 09:00")));
        // staff on the API follow the hours too; a teller may still serve a walk-in at the counter
        mvc.perform(post("/api/v1/branches/" + branch + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/branches/" + branch + "/counters/C01/serve-walk-in").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theKioskShowsClosedAndWhenItOpensInBothLanguages() throws Exception {
        at("2026-12-02T07:30");
        String en = mvc.perform(get("/kiosk/" + branch).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("id=\"kiosk-closed\"").contains("We open at 2026-12-02 09:00.")
                .doesNotContain("id=\"service-A\"");
        String zh = mvc.perform(get("/kiosk/" + branch).locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("本网点现在不营业").contains("2026-12-02 09:00");
        at("2026-12-02T09:30");
        assertThat(mvc.perform(get("/kiosk/" + branch).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"service-A\"").doesNotContain("id=\"kiosk-closed\"");
    }

    @Test
    void aPublicHolidayIsClosedAndAnAdjustedWorkingSaturdayIsOpen() throws Exception {
        at("2026-10-01T10:00");
        take().andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("2026-10-08 09:00")));
        at("2026-10-10T10:00");
        take().andExpect(status().isCreated());
        at("2026-10-17T10:00");
        take().andExpect(status().isConflict()); // a plain Saturday
    }

    @Test
    void theRemotePageShowsAClosedBranchWithItsNextOpening() throws Exception {
        at("2026-12-05T11:00");
        String page = mvc.perform(get("/remote").param("service", "A").locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"closed-" + branch + "\"").contains("We open at 2026-12-07 09:00.")
                .doesNotContain("id=\"take-" + branch + "\"");
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        SettableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            SettableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return z;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return outer.withZone(other);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
