package org.fuwu.queueing;

import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fuwu.platform.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Fixtures of the appointment tests: opening hours through organization's API, and distinct client addresses. */
final class AppointmentTestSupport {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private AppointmentTestSupport() {
    }

    /** A lobby (see {@link QueueingTestSupport#lobby}) open 00:00-23:59 every day. */
    static String allDayLobby(MockMvc mvc) throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        hours(mvc, b, "00:00", "23:59", List.of());
        return b;
    }

    /** Sets a branch's week: every day open from {@code opens} to {@code closes}, except the closed weekdays. */
    static void hours(MockMvc mvc, String branch, String opens, String closes, List<String> closedDays) throws Exception {
        List<String> days = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            days.add(closedDays.contains(d) ? "{\"weekday\":\"%s\",\"closed\":true}".formatted(d)
                    : "{\"weekday\":\"%s\",\"opens\":\"%s\",\"closes\":\"%s\"}".formatted(d, opens, closes));
        }
        mvc.perform(put("/api/v1/branches/" + branch + "/opening-hours").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":[" + String.join(",", days) + "]}"))
                .andExpect(status().isOk());
    }

    /**
     * An anonymous client with an address of its own (TEST-NET-2), so that these tests never use up the
     * per-address ticket limit that other tests' anonymous calls share.
     */
    static RequestPostProcessor anonymousClient() {
        String address = "198.51.%d.%d".formatted(200 + ADDRESS.get() / 250 % 50, ADDRESS.getAndIncrement() % 250 + 1);
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }
}
