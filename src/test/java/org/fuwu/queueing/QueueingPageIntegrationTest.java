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
                        containsString("预计等候"))));
        mvc.perform(get("/kiosk/B001").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shanghai Branch Business Department"),
                        containsString("Wealth management"), containsString("Estimated wait"), containsString("waiting"))));
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
                        containsString("id=\"ticket-qr\""), containsString("/q/" + token), containsString("Position in line: 1"))));
        mvc.perform(get("/q/" + token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("B001"), containsString("等候中"),
                        containsString("id=\"status-cancel\""))));
        mvc.perform(post("/q/" + token + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/q/" + token).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cancelled"), not(containsString("id=\"status-cancel\"")))));
    }

    @Test
    void anUnknownStatusTokenPageIs404() throws Exception {
        mvc.perform(get("/q/" + "y".repeat(43)).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }
}
