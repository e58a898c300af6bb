package org.fuwu.queueing;

import org.fuwu.platform.CustomerTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.queueing.AppointmentTestSupport.anonymousClient;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffFixtures;
import org.fuwu.queueing.internal.EndOfDayService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Remote queueing with check-in on arrival, the lobby settings, and the end of day. */
@FuwuIntegrationTest
@RecordApplicationEvents
class RemoteAndEndOfDayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    EndOfDayService endOfDay;

    @Autowired
    ApplicationEvents events;

    private JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private JsonNode issue(String b, String channel, Role role) throws Exception {
        var req = post("/api/v1/branches/" + b + "/tickets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"A\",\"channel\":\"" + channel + "\"}");
        req.with(role == null ? anonymousClient() : as(role));
        return json(mvc.perform(req).andExpect(status().isCreated()).andReturn());
    }

    private String statusOf(JsonNode ticket) throws Exception {
        return json(mvc.perform(get("/api/v1/tickets/status/" + ticket.get("statusToken").asString()))
                .andExpect(status().isOk()).andReturn()).get("status").asString();
    }

    private void requireCheckIn(String b) throws Exception {
        long version = json(mvc.perform(get("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andReturn()).get("version").asLong();
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"remoteCheckInRequired":true,"slotMinutes":15,"bookingDaysAhead":14,"version":%d}"""
                                .formatted(version)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.remoteCheckInRequired").value(true));
    }

    // ---- lobby settings

    @Test
    void lobbySettingsHaveDefaultsAndOnlyAnAdminChangesThemAtTheCurrentVersion() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(get("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.remoteCheckInRequired").value(false))
                .andExpect(jsonPath("$.slotMinutes").value(15))
                .andExpect(jsonPath("$.bookingDaysAhead").value(14))
                .andExpect(jsonPath("$.version").value(0));
        String body = "{\"remoteCheckInRequired\":true,\"slotMinutes\":30,\"bookingDaysAhead\":7,\"version\":0}";
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.LOBBY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.slotMinutes").value(30))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"remoteCheckInRequired\":true,\"slotMinutes\":3,\"bookingDaysAhead\":7,\"version\":1}"))
                .andExpect(status().isBadRequest());
        var otherAdmin = StaffFixtures.principal(Scope.branch("B001"), Role.ADMIN);
        mvc.perform(put("/api/v1/branches/" + b + "/lobby-settings").with(as(otherAdmin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"remoteCheckInRequired\":false,\"slotMinutes\":15,\"bookingDaysAhead\":7,\"version\":1}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.settings.update' and target = :t")
                .param("t", "branch:" + b).query(Long.class).single()).isEqualTo(1);
    }

    // ---- remote queueing with check-in on arrival

    @Test
    void withoutTheBranchPolicyARemoteTicketWaitsAtOnce() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        assertThat(statusOf(issue(b, "MOBILE", null))).isEqualTo("WAITING");
    }

    @Test
    void aRemoteTicketAwaitsCheckInIsNotCalledUntilThenAndKeepsItsPlace() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        requireCheckIn(b);
        JsonNode remote = issue(b, "MOBILE", null);
        JsonNode kiosk = issue(b, "KIOSK", null);
        assertThat(statusOf(remote)).isEqualTo("AWAITING_CHECK_IN");
        assertThat(statusOf(kiosk)).as("only remote tickets await a check-in").isEqualTo("WAITING");
        mvc.perform(get("/api/v1/branches/" + b + "/services").with(as(Role.TELLER)))
                .andExpect(jsonPath("$[0].waiting").value(1));
        // the counter calls the kiosk ticket: the remote one is not here yet
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(kiosk.get("number").asString()));
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(status().isNoContent());

        JsonNode third = issue(b, "KIOSK", null);
        mvc.perform(post("/api/v1/tickets/status/" + remote.get("statusToken").asString() + "/check-in"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.position").value(1));
        mvc.perform(post("/api/v1/tickets/status/" + remote.get("statusToken").asString() + "/check-in"))
                .andExpect(status().isConflict());
        // it keeps its place from issue: ahead of the kiosk ticket taken after it
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(remote.get("number").asString()));
        assertThat(statusOf(third)).isEqualTo("WAITING");
        assertThat(jdbc.sql("select count(*) from queue_ticket_event where ticket_id = :id and type = 'CHECKED_IN'")
                .param("id", remote.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(TicketCheckedIn.class).filter(e -> e.ticketId() == remote.get("id").asLong()))
                .hasSize(1);
        mvc.perform(post("/api/v1/tickets/status/" + CustomerTokens.next() + "/check-in"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHolderChecksInAtTheKioskByNumberOrOnTheStatusPageOrCancels() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        requireCheckIn(b);
        JsonNode atKiosk = issue(b, "MOBILE", null);
        mvc.perform(post("/kiosk/" + b + "/check-in").with(csrf()).param("number",
                        atKiosk.get("number").asString().toLowerCase()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/kiosk/" + b + "*"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString(atKiosk.get("number").asString())));
        assertThat(statusOf(atKiosk)).isEqualTo("WAITING");
        mvc.perform(post("/kiosk/" + b + "/check-in").with(csrf()).param("number", "Z999"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("Z999")));

        JsonNode onPage = issue(b, "MOBILE", null);
        String page = mvc.perform(get("/q/" + onPage.get("statusToken").asString()).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"status-check-in\"").contains("Waiting for your check-in");
        mvc.perform(post("/q/" + onPage.get("statusToken").asString() + "/check-in").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(onPage)).isEqualTo("WAITING");

        JsonNode cancelled = issue(b, "MOBILE", null);
        mvc.perform(post("/api/v1/tickets/status/" + cancelled.get("statusToken").asString() + "/cancel"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void theRemotePageListsBranchesWithTheirWaitAndTakesANumber() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String page = mvc.perform(get("/remote").param("service", "A").locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"branch-" + b + "\"").contains("data-lat=\"31.2304\"")
                .contains("id=\"take-" + b + "\"").contains("/js/queueing-remote.js");
        String zh = mvc.perform(get("/remote").locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("手机远程取号");
        MvcResult r = mvc.perform(post("/remote/" + b + "/tickets").with(csrf()).with(anonymousClient())
                        .param("serviceCode", "A").param("requestKey", "r-1"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/q/*")).andReturn();
        String token = r.getResponse().getRedirectedUrl().substring(3);
        JsonNode t = json(mvc.perform(get("/api/v1/tickets/status/" + token)).andReturn());
        assertThat(t.get("status").asString()).isEqualTo("WAITING");
        assertThat(jdbc.sql("select channel from queue_ticket where status_token = :t").param("t", token)
                .query(String.class).single()).isEqualTo("MOBILE");
        // the same request key gives the same ticket
        MvcResult again = mvc.perform(post("/remote/" + b + "/tickets").with(csrf()).with(anonymousClient())
                        .param("serviceCode", "A").param("requestKey", "r-1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/q/" + token);
    }

    // ---- end of day

    @Test
    void theEndOfDayClosesOpenTicketsButNotOneInServiceAndIsIdempotent() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        requireCheckIn(b);
        JsonNode serving = issue(b, "KIOSK", null);
        JsonNode called = issue(b, "KIOSK", null);
        JsonNode waiting = issue(b, "KIOSK", null);
        JsonNode awaiting = issue(b, "MOBILE", null);
        JsonNode done = issue(b, "KIOSK", null);
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C01/call-next").with(as(Role.TELLER)))
                .andExpect(jsonPath("$.number").value(serving.get("number").asString()));
        mvc.perform(post("/api/v1/tickets/" + serving.get("id").asLong() + "/start").with(as(Role.TELLER)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(as(Role.TELLER)))
                .andExpect(jsonPath("$.number").value(called.get("number").asString()));
        mvc.perform(post("/api/v1/tickets/" + done.get("id").asLong() + "/cancel").with(as(Role.TELLER)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day").with(as(Role.TELLER))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day")).andExpect(status().isUnauthorized());
        var otherManager = StaffFixtures.principal(Scope.branch("B001"), Role.LOBBY_MANAGER);
        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day").with(as(otherManager))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day").with(as(Role.LOBBY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closedTickets").value(3))
                .andExpect(jsonPath("$.firstRun").value(true));
        assertThat(statusOf(serving)).as("the customer at the counter is served to the end").isEqualTo("SERVING");
        for (JsonNode t : List.of(called, waiting, awaiting)) {
            assertThat(statusOf(t)).isEqualTo("CANCELLED");
            assertThat(jdbc.sql("select outcome from queue_ticket where id = :id").param("id", t.get("id").asLong())
                    .query(String.class).single()).isEqualTo("BRANCH_CLOSED");
            assertThat(jdbc.sql("select count(*) from queue_ticket_event where ticket_id = :id and type = 'CLOSED_EOD'")
                    .param("id", t.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select outcome from queue_ticket where id = :id").param("id", done.get("id").asLong())
                .query(String.class).optional()).as("already closed before: untouched").isEmpty();
        assertThat(events.stream(TicketClosedAtEndOfDay.class).filter(e -> e.branchCode().equals(b))).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'queueing.endOfDay.run' and target = :t")
                .param("t", "branch:" + b).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closedTickets").value(0))
                .andExpect(jsonPath("$.firstRun").value(false));
        assertThat(jdbc.sql("select closed_tickets from queue_end_of_day where branch_code = :b").param("b", b)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theScheduledEndOfDayRunsOnceForABranchWhoseDayIsOverAndNotBeforeClosing() throws Exception {
        String closedAllWeek = QueueingTestSupport.lobby(mvc);
        JsonNode t = issue(closedAllWeek, "LOBBY_MANAGER", Role.LOBBY_MANAGER);
        assertThat(endOfDay.runIfDue(closedAllWeek)).isPresent()
                .hasValueSatisfying(r -> assertThat(r.closedTickets()).isEqualTo(1));
        assertThat(endOfDay.runIfDue(closedAllWeek)).as("once a day").isEmpty();
        assertThat(statusOf(t)).isEqualTo("CANCELLED");

        String openAllDay = AppointmentTestSupport.allDayLobby(mvc);
        JsonNode open = issue(openAllDay, "LOBBY_MANAGER", Role.LOBBY_MANAGER);
        java.time.LocalTime now = java.time.LocalTime.now(clock.withZone(SHANGHAI));
        if (now.isBefore(java.time.LocalTime.of(23, 59))) {
            assertThat(endOfDay.runIfDue(openAllDay)).as("before closing time").isEmpty();
            assertThat(statusOf(open)).isEqualTo("WAITING");
        }
    }

    @Test
    void bookingsOfADayTheBranchNoLongerOpensMoveToTheNextOpenDayOrAreCarriedOver() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        AppointmentTestSupport.hours(mvc, b, "09:00", "17:00", List.of());
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        LocalDate sunday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate monday = sunday.plusDays(1);
        LocalDate tuesday = sunday.plusDays(2);
        String moves = insert(b, "A", sunday, 10);
        String tooFull = insert(b, "B", sunday, 10);
        insert(b, "B", monday, 10);               // B has one counter: Monday 10:00 is full for B
        String stays = insert(b, "A", tuesday, 11);
        String todays = insert(b, "A", today, 8); // never checked in: missed at the end of the day
        // the branch now closes on Sundays (as if a holiday were added after the booking)
        AppointmentTestSupport.hours(mvc, b, "09:00", "17:00", List.of("SUNDAY"));

        mvc.perform(post("/api/v1/branches/" + b + "/end-of-day").with(as(Role.LOBBY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.movedAppointments").value(1))
                .andExpect(jsonPath("$.carriedOver").value(1))
                .andExpect(jsonPath("$.missed").value(1));
        JsonNode moved = json(mvc.perform(get("/api/v1/appointments/" + moves)).andReturn());
        assertThat(moved.get("status").asString()).isEqualTo("BOOKED");
        assertThat(moved.get("localStart").asString()).isEqualTo(monday + "T10:00:00");
        assertThat(moved.get("bookedSlotStart").asString())
                .isEqualTo(sunday.atTime(10, 0).atZone(SHANGHAI).toInstant().toString());
        mvc.perform(get("/api/v1/appointments/" + tooFull)).andExpect(jsonPath("$.status").value("CARRIED_OVER"));
        mvc.perform(get("/api/v1/appointments/" + stays)).andExpect(jsonPath("$.status").value("BOOKED"))
                .andExpect(jsonPath("$.localStart").value(tuesday + "T11:00:00"));
        mvc.perform(get("/api/v1/appointments/" + todays)).andExpect(jsonPath("$.status").value("MISSED"));
        mvc.perform(get("/api/v1/branches/" + b + "/appointments").param("date", sunday.toString())
                        .with(as(Role.LOBBY_MANAGER)))
                .andExpect(jsonPath("$[?(@.status == 'CARRIED_OVER')]").exists());
        // the holder of a carried-over booking may still cancel it
        mvc.perform(post("/api/v1/appointments/" + tooFull + "/cancel")).andExpect(status().isOk());
    }

    private String insert(String b, String service, LocalDate day, int hour) {
        String token = CustomerTokens.next();
        Instant slot = day.atTime(hour, 0).atZone(SHANGHAI).toInstant();
        jdbc.sql("""
                insert into queue_appointment (branch_code, service_code, business_day, slot_start, slot_minutes,
                    booked_slot_start, status, token, channel, booked_at)
                values (:b, :s, :d, :t, 15, :t, 'BOOKED', :tok, 'API', :now)""")
                .param("b", b).param("s", service).param("d", day).param("t", Timestamp.from(slot)).param("tok", token)
                .param("now", Timestamp.from(clock.instant())).update();
        return token;
    }
}
