package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.customer.CustomerFixtures;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@FuwuIntegrationTest
class QueueingPageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void kioskRendersAButtonPerActiveServiceInChineseAndEnglish() throws Exception {
        mvc.perform(get("/kiosk/B001").locale(Locale.SIMPLIFIED_CHINESE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("上海分行营业部"), containsString("现金业务"),
                        containsString("id=\"service-A\""), containsString("id=\"service-V\""), containsString("人等候"),
                        containsString("预计"))));
        mvc.perform(get("/kiosk/B001").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shanghai Branch Business Department"),
                        containsString("Wealth management"), containsString("wait"), containsString("waiting"))));
    }

    @Test
    void anUnknownBranchKioskIs404() throws Exception {
        mvc.perform(get("/kiosk/NOSUCH2").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    /** A valid ID number of someone born in 1990 (not elderly, so the segment alone decides). */
    private static String youngIdNumber() {
        String first17 = "310109" + "19900" + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9)) + "15"
                + "%03d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        return first17 + org.fuwu.platform.Identifiers.idCheckDigit(first17);
    }

    @Test
    void identificationAtTheKioskGivesPriorityAndStoresNoIdentifier() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String mobile = CustomerFixtures.mobile();
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"%s","mobile":"%s","idNumber":"%s","segment":"PRIVATE"}"""
                .formatted(CustomerFixtures.uniqueName("贵宾"), mobile, youngIdNumber())))
                .andExpect(status().isCreated());
        String location = mvc.perform(post("/kiosk/" + b + "/tickets").with(csrf()).param("serviceCode", "A")
                        .param("identityKind", "MOBILE").param("identity", mobile))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/kiosk/" + b + "/tickets/[A-Za-z0-9_-]{43}");
        String token = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select priority_class from queue_ticket where status_token = :t").param("t", token)
                .query(String.class).single()).isEqualTo("VIP");
        assertThat(jdbc.sql("""
                select count(*) from queue_ticket t join queue_ticket_event e on e.ticket_id = t.id
                where t.status_token = :t and (e.details like :m or e.actor like :m)""")
                .param("t", token).param("m", "%" + mobile.substring(3) + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where details like :m or target like :m")
                .param("m", "%" + mobile.substring(3) + "%").query(Long.class).single()).isZero();
    }

    @Test
    void theKioskPrintsATicketWithAQrCodeToTheStatusPageWhichCancels() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String location = mvc.perform(post("/kiosk/" + b + "/tickets").with(csrf()).param("serviceCode", "B")
                        .param("requestKey", "11111111-2222-3333-4444-555555555555"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // the same form sent twice (a double tap) gives the same ticket
        assertThat(mvc.perform(post("/kiosk/" + b + "/tickets").with(csrf()).param("serviceCode", "B")
                        .param("requestKey", "11111111-2222-3333-4444-555555555555"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo(location);
        String token = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("B001"), containsString("<svg"),
                        containsString("id=\"ticket-qr\""), containsString("/q/" + token), containsString("Position in line: 1"),
                        containsString("No wait expected"))));
        mvc.perform(get("/q/" + token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("B001"), containsString("等候中"),
                        containsString("id=\"status-cancel\""), containsString("hx-trigger=\"every 15s\""),
                        containsString("预计无需等候"))));
        mvc.perform(post("/q/" + token + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/q/" + token).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cancelled"), not(containsString("id=\"status-cancel\"")))));
    }

    @Test
    void theKioskTicketPageExpiresSoTheNextCustomerCannotReachItThroughTheHistory() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String location = mvc.perform(post("/kiosk/" + b + "/tickets").with(csrf()).param("serviceCode", "A"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String token = location.substring(location.lastIndexOf('/') + 1);
        jdbc.sql("update queue_ticket set issued_at = :t where status_token = :k")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600))).param("k", token).update();
        mvc.perform(get(location)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/kiosk/" + b));
        mvc.perform(get("/q/" + token)).andExpect(status().isOk());
    }

    @Test
    void anUnknownStatusTokenPageIs404() throws Exception {
        mvc.perform(get("/q/" + "y".repeat(43)).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void anAdminConfiguresServicesAndTheMatrixOnTheLobbyPage() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(get("/").with(as(Role.ADMIN)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("id=\"tile-lobby\"")));
        mvc.perform(get("/queueing").with(as(Role.ADMIN)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"lobby-" + b + "\"")));
        mvc.perform(get("/queueing/branches/" + b).with(as(Role.ADMIN)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("窗口业务矩阵"), containsString("id=\"matrix-C02\""),
                        containsString("A &gt; B"))));
        mvc.perform(post("/queueing/branches/" + b + "/services").with(as(Role.ADMIN)).with(csrf())
                        .header("Accept-Language", "en")
                        .param("code", "F").param("nameZh", "外汇").param("nameEn", "Foreign exchange").param("zoneCode", "Z05")
                        .param("prefix", "A").param("targetWaitMinutes", "15").param("expectedServiceMinutes", "8"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"prefix-error\""), containsString("already used"))));
        mvc.perform(post("/queueing/branches/" + b + "/services").with(as(Role.ADMIN)).with(csrf())
                        .param("code", "F").param("nameZh", "外汇").param("nameEn", "Foreign exchange").param("zoneCode", "Z05")
                        .param("prefix", "F").param("targetWaitMinutes", "x").param("expectedServiceMinutes", "8"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"targetWaitMinutes-error\"")));
        mvc.perform(post("/queueing/branches/" + b + "/services").with(as(Role.ADMIN)).with(csrf())
                        .param("code", "F").param("nameZh", "外汇").param("nameEn", "Foreign exchange").param("zoneCode", "Z05")
                        .param("prefix", "F").param("targetWaitMinutes", "15").param("expectedServiceMinutes", "8"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/queueing/branches/" + b + "/counter-services").with(as(Role.ADMIN)).with(csrf())
                        .param("counterCode", "C03").param("serviceCodes", "F, B"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select service_code from queue_counter_service where branch_code = :b and counter_code = 'C03' order by preference")
                .param("b", b).query(String.class).list()).containsExactly("F", "B");
        mvc.perform(post("/queueing/branches/" + b + "/counter-services").with(as(Role.ADMIN)).with(csrf())
                        .header("Accept-Language", "en").param("counterCode", "C03").param("serviceCodes", "F, NOPE"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"serviceCodes-error\"")));
        mvc.perform(post("/queueing/branches/" + b + "/services/F").with(as(Role.ADMIN)).with(csrf())
                        .param("nameZh", "外汇业务").param("nameEn", "FX").param("zoneCode", "Z05")
                        .param("prefix", "F").param("targetWaitMinutes", "15").param("expectedServiceMinutes", "8")
                        .param("active", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/kiosk/" + b)).andExpect(content().string(not(containsString("id=\"service-F\""))));
        mvc.perform(get("/queueing/branches/" + b).with(as(Role.TELLER))).andExpect(status().isForbidden());
    }
}
