package org.fuwu.queueing;

import org.fuwu.platform.CustomerTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.queueing.AppointmentTestSupport.anonymousClient;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffFixtures;
import org.fuwu.queueing.internal.AppointmentService;
import org.fuwu.queueing.internal.UpcomingAppointments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Appointments through the API: slots, booking (idempotent, rate-limited, capacity), token, check-in into the queue. */
@FuwuIntegrationTest
class AppointmentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AppointmentService appointments;

    @Autowired
    UpcomingAppointments upcoming;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    private JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private JsonNode slots(String b, String service, LocalDate date) throws Exception {
        return json(mvc.perform(get("/api/v1/appointments/slots").param("branchCode", b).param("serviceCode", service)
                .param("date", date.toString())).andExpect(status().isOk()).andReturn());
    }

    private Instant tomorrowAt(int hour) {
        return today().plusDays(1).atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    private String body(String service, Instant slot, String mobile) {
        return "{\"serviceCode\":\"%s\",\"slotStart\":\"%s\"%s}".formatted(service, slot,
                mobile == null ? "" : ",\"mobile\":\"" + mobile + "\"");
    }

    private JsonNode book(String b, String service, Instant slot) throws Exception {
        return json(mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body(service, slot, "13812345678")))
                .andExpect(status().isCreated()).andReturn());
    }

    /** The first slot still bookable: today's, or tomorrow's first when today has none left (late in the evening). */
    private Instant nextSlot(String b) throws Exception {
        JsonNode today = slots(b, "A", today());
        JsonNode s = today.get("slots").isEmpty() ? slots(b, "A", today().plusDays(1)).get("slots") : today.get("slots");
        return Instant.parse(s.get(0).get("start").asString());
    }

    /** An appointment put straight into the book, for times the API would no longer offer (the past). */
    private String insertAppointment(String b, String service, Instant slot) {
        String token = CustomerTokens.next();
        jdbc.sql("""
                insert into queue_appointment (branch_code, service_code, business_day, slot_start, slot_minutes,
                    booked_slot_start, status, token, channel, booked_at)
                values (:b, :s, :d, :t, 15, :t, 'BOOKED', :tok, 'API', :now)""")
                .param("b", b).param("s", service).param("d", slot.atZone(SHANGHAI).toLocalDate())
                .param("t", Timestamp.from(slot)).param("tok", token).param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    // ---- slots

    @Test
    void slotsFollowTheOpeningHoursWithTheCountersAsCapacity() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        JsonNode a = slots(b, "A", today().plusDays(1));
        assertThat(a.get("open").asBoolean()).isTrue();
        assertThat(a.get("slotMinutes").asInt()).isEqualTo(15);
        assertThat(a.get("capacity").asInt()).as("C01 and C02 serve A").isEqualTo(2);
        assertThat(a.get("slots").size()).as("00:00 to 23:45, ending by 23:59").isEqualTo(95);
        assertThat(a.get("slots").get(0).get("localTime").asString()).isEqualTo("00:00:00");
        assertThat(a.get("slots").get(0).get("remaining").asInt()).isEqualTo(2);
        assertThat(slots(b, "B", today().plusDays(1)).get("capacity").asInt()).isEqualTo(1);
        assertThat(slots(b, "A", today().plusDays(15)).get("slots").isEmpty()).as("beyond 14 days ahead").isTrue();
        assertThat(slots(b, "A", today().minusDays(1)).get("slots").isEmpty()).as("the past").isTrue();

        mvc.perform(get("/api/v1/appointments/slots").param("branchCode", "ZZ99").param("serviceCode", "A"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/appointments/slots").param("branchCode", b).param("serviceCode", "Q"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/appointments/slots").param("branchCode", b).param("serviceCode", "A")
                .param("date", "not-a-date")).andExpect(status().isBadRequest());
    }

    @Test
    void aClosedDayHasNoSlotsAndAnAdminSetsTheCapacity() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        AppointmentTestSupport.hours(mvc, b, "09:00", "17:00", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                "FRIDAY", "SATURDAY", "SUNDAY"));
        JsonNode closed = slots(b, "A", today().plusDays(1));
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("slots").isEmpty()).isTrue();

        String c = AppointmentTestSupport.allDayLobby(mvc);
        mvc.perform(put("/api/v1/branches/" + c + "/services/A/appointment-capacity").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":5}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(5));
        assertThat(slots(c, "A", today().plusDays(1)).get("slots").get(0).get("remaining").asInt()).isEqualTo(5);
        mvc.perform(put("/api/v1/branches/" + c + "/services/A/appointment-capacity").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(0));
        assertThat(slots(c, "A", today().plusDays(1)).get("slots").isEmpty()).as("0: not bookable").isTrue();
        mvc.perform(put("/api/v1/branches/" + c + "/services/A/appointment-capacity").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(2));
        mvc.perform(put("/api/v1/branches/" + c + "/services/A/appointment-capacity").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":3}"))
                .andExpect(status().isForbidden());
    }

    // ---- booking

    @Test
    void anAnonymousBookingStoresTheMobileEncryptedAndShowsItMasked() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        Instant slot = tomorrowAt(10);
        MvcResult r = mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", slot, "138 1234 5678")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/appointments/[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.status").value("BOOKED"))
                .andExpect(jsonPath("$.slotStart").value(slot.toString()))
                .andExpect(jsonPath("$.localStart").value(today().plusDays(1) + "T10:00:00"))
                .andExpect(jsonPath("$.maskedMobile").value("138****5678"))
                .andExpect(jsonPath("$.customerId").doesNotExist())
                .andReturn();
        String token = json(r).get("token").asString();
        String stored = jdbc.sql("select mobile_enc from queue_appointment where token = :t").param("t", token)
                .query(String.class).single();
        assertThat(stored).isNotBlank().doesNotContain("13812345678").doesNotContain("5678");
        assertThat(jdbc.sql("select mobile_index from queue_appointment where token = :t").param("t", token)
                .query(String.class).single()).isNotBlank().doesNotContain("13812345678");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.appointment.book'"
                        + " and details like '%13812345678%'").query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/appointments/" + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.branchCode").value(b)).andExpect(jsonPath("$.status").value("BOOKED"));
        assertThat(slots(b, "A", today().plusDays(1)).get("slots").get(40).get("remaining").asInt())
                .as("10:00 is slot 40: one of two taken").isEqualTo(1);
    }

    @Test
    void badBookingsAreRefusedNamingTheField() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", tomorrowAt(10), null)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("mobile"));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", tomorrowAt(10), "12345")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("mobile"));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", tomorrowAt(10).plus(7, ChronoUnit.MINUTES), "13812345678")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("slotStart"));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS),
                                "13812345678")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("slotStart"));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\":\"A\",\"slotStart\":\"%s\",\"customerId\":1}".formatted(tomorrowAt(10))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("customerId"));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/branches/ZZ99/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", tomorrowAt(10), "13812345678")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from queue_appointment where branch_code = :b").param("b", b)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFullSlotIsAConflictAndAnotherSlotStillBooks() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        book(b, "B", tomorrowAt(11));
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .contentType(MediaType.APPLICATION_JSON).content(body("B", tomorrowAt(11), "13912345678")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("11:00")));
        book(b, "B", tomorrowAt(12));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstBookingAndAReusedKeyIsAConflict() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        var first = mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .header("Idempotency-Key", "book-1").contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", tomorrowAt(9), "13812345678")))
                .andExpect(status().isCreated()).andReturn();
        var again = mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .header("Idempotency-Key", "book-1").contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", tomorrowAt(9), "13812345678")))
                .andExpect(status().isCreated()).andReturn();
        assertThat(json(again).get("token").asString()).isEqualTo(json(first).get("token").asString());
        assertThat(jdbc.sql("select count(*) from queue_appointment where branch_code = :b").param("b", b)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .header("Idempotency-Key", "book-1").contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", tomorrowAt(10), "13812345678")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(anonymousClient())
                        .header("Idempotency-Key", "bad key!").contentType(MediaType.APPLICATION_JSON)
                        .content(body("A", tomorrowAt(10), "13812345678")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anonymousBookingsAreRateLimitedPerClientAddressButStaffAreNot() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        var client = anonymousClient();
        int created = 0;
        int refused = 0;
        for (int i = 0; i < 21; i++) {
            int s = mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(client)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body("A", tomorrowAt(8).plus(Duration.ofMinutes(15L * (i % 40))), "13812345678")))
                    .andReturn().getResponse().getStatus();
            if (s == 201) {
                created++;
            } else if (s == 429) {
                refused++;
            }
        }
        assertThat(created).isEqualTo(20);
        assertThat(refused).isEqualTo(1);
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(client).with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", tomorrowAt(20), "13812345678")))
                .andExpect(status().isCreated());
    }

    @Test
    void staffBookWithinTheirScopeAndSeeTheDaysBookings() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        var otherBranchManager = StaffFixtures.principal(Scope.branch("B001"), Role.LOBBY_MANAGER);
        mvc.perform(post("/api/v1/branches/" + b + "/appointments").with(as(otherBranchManager))
                        .contentType(MediaType.APPLICATION_JSON).content(body("A", tomorrowAt(10), "13812345678")))
                .andExpect(status().isForbidden());
        book(b, "A", tomorrowAt(10));
        mvc.perform(get("/api/v1/branches/" + b + "/appointments").param("date", today().plusDays(1).toString())
                        .with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].maskedMobile").value("138****5678"));
        mvc.perform(get("/api/v1/branches/" + b + "/appointments").with(as(otherBranchManager)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/branches/" + b + "/appointments")).andExpect(status().isUnauthorized());
    }

    // ---- token: status, cancel

    @Test
    void theHolderCancelsByTokenOnceAndAnUnknownTokenIsNotFound() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        String token = book(b, "A", tomorrowAt(10)).get("token").asString();
        mvc.perform(post("/api/v1/appointments/" + token + "/cancel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/appointments/" + token + "/cancel")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/appointments/" + token + "/check-in")).andExpect(status().isConflict());
        assertThat(slots(b, "A", today().plusDays(1)).get("slots").get(40).get("remaining").asInt())
                .as("a cancelled booking frees its place").isEqualTo(2);
        mvc.perform(get("/api/v1/appointments/" + CustomerTokens.next())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/appointments/short")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/appointments/short/check-in")).andExpect(status().isNotFound());
    }

    // ---- check-in

    @Test
    void anOnTimeCheckInIssuesAnAppointmentTicketRankingFromTheBookedTime() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        Instant slot = nextSlot(b);
        String token = book(b, "A", slot).get("token").asString();
        MvcResult r = mvc.perform(post("/api/v1/appointments/" + token + "/check-in"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(matchesPattern("A\\d{3}")))
                .andExpect(jsonPath("$.verdict").value("ON_TIME"))
                .andExpect(jsonPath("$.appointment.status").value("CHECKED_IN"))
                .andReturn();
        JsonNode j = json(r);
        long ticketId = j.get("ticketId").asLong();
        assertThat(jdbc.sql("select priority_class from queue_ticket where id = :id").param("id", ticketId)
                .query(String.class).single()).isEqualTo("APPOINTMENT");
        assertThat(jdbc.sql("select ranks_from from queue_ticket where id = :id").param("id", ticketId)
                .query(Timestamp.class).single().toInstant()).isEqualTo(slot);
        mvc.perform(get("/api/v1/tickets/status/" + j.get("statusToken").asString())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WAITING"));
        // a second check-in gives the same ticket
        mvc.perform(post("/api/v1/appointments/" + token + "/check-in")).andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketId").value(ticketId));
        mvc.perform(get("/api/v1/appointments/" + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketNumber").value(j.get("number").asString()));
    }

    @Test
    void aCheckInLongBeforeTheSlotIsTooEarly() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        String token = book(b, "A", tomorrowAt(23)).get("token").asString();
        mvc.perform(post("/api/v1/appointments/" + token + "/check-in")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("21:00")));
        mvc.perform(get("/api/v1/appointments/" + token)).andExpect(jsonPath("$.status").value("BOOKED"));
    }

    @Test
    void aLateCheckInBeyondTheGraceIsAnOrdinaryWalkInAndTooLateIsMissed() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        String late = insertAppointment(b, "A", clock.instant().minus(Duration.ofMinutes(18)));
        MvcResult r = mvc.perform(post("/api/v1/appointments/" + late + "/check-in")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdict").value("LATE")).andReturn();
        long id = json(r).get("ticketId").asLong();
        assertThat(jdbc.sql("select priority_class from queue_ticket where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("ORDINARY");
        assertThat(jdbc.sql("select ranks_from from queue_ticket where id = :id").param("id", id)
                .query(Timestamp.class).optional()).isEmpty();

        String missed = insertAppointment(b, "A", clock.instant().minus(Duration.ofMinutes(40)));
        mvc.perform(post("/api/v1/appointments/" + missed + "/check-in")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/appointments/" + missed)).andExpect(jsonPath("$.status").value("MISSED"));
    }

    @Test
    void theMissedRuleMarksBookingsNotCheckedInByTheSlotEndPlusGrace() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        String over = insertAppointment(b, "A", clock.instant().minus(Duration.ofMinutes(30)));
        String inGrace = insertAppointment(b, "A", clock.instant().minus(Duration.ofMinutes(20)));
        appointments.markMissed();
        mvc.perform(get("/api/v1/appointments/" + over)).andExpect(jsonPath("$.status").value("MISSED"));
        mvc.perform(get("/api/v1/appointments/" + inGrace)).andExpect(jsonPath("$.status").value("BOOKED"));
    }

    @Test
    void aCheckedInAppointmentIsCalledFromItsBookedTimeAheadOfALaterWalkIn() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        // booked five minutes ago (within the grace): ranks from then
        String token = insertAppointment(b, "A", clock.instant().minus(Duration.ofMinutes(5)));
        JsonNode walkIn = json(mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn());
        JsonNode appointment = json(mvc.perform(post("/api/v1/appointments/" + token + "/check-in"))
                .andExpect(status().isCreated()).andReturn());
        assertThat(appointment.get("ticketId").asLong()).isGreaterThan(walkIn.get("id").asLong());
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(appointment.get("number").asString()))
                .andExpect(jsonPath("$.priorityClass").value("APPOINTMENT"));
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(walkIn.get("number").asString()));
    }

    @Test
    void theWaitEstimateCountsBookedAppointmentsNotYetCheckedIn() throws Exception {
        String b = AppointmentTestSupport.allDayLobby(mvc);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCode\":\"A\",\"channel\":\"LOBBY_MANAGER\"}"))
                    .andExpect(status().isCreated());
        }
        long before = json(mvc.perform(get("/api/v1/branches/" + b + "/services").with(as(Role.TELLER)))
                .andReturn()).get(0).get("estimatedWait").get("p50Seconds").asLong();
        assertThat(before).isPositive();
        Instant soon = clock.instant().plusSeconds(30);
        insertAppointment(b, "A", soon);
        insertAppointment(b, "A", soon);
        insertAppointment(b, "A", soon);
        String cancelled = insertAppointment(b, "A", soon);
        mvc.perform(post("/api/v1/appointments/" + cancelled + "/cancel")).andExpect(status().isOk());
        assertThat(upcoming.bookedBetween(b, "A", clock.instant(), clock.instant().plusSeconds(60))).hasSize(3);
        assertThat(upcoming.bookedBetween(b, "B", clock.instant(), clock.instant().plusSeconds(60))).isEmpty();
        long after = json(mvc.perform(get("/api/v1/branches/" + b + "/services").with(as(Role.TELLER)))
                .andReturn()).get(0).get("estimatedWait").get("p50Seconds").asLong();
        assertThat(after).as("three booked customers are merged ahead of a newcomer").isGreaterThan(before);
    }
}
