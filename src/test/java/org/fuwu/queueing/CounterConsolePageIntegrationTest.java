package org.fuwu.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.fuwu.platform.StaffFixtures.principal;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.customer.CustomerFixtures;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
class CounterConsolePageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void chooserListsTheCountersOfTheTellersBranches() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(get("/counter").with(as(principal(Scope.branch(b), Role.TELLER))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Choose your counter"),
                        containsString("id=\"counter-" + b + "-C01\""), containsString("id=\"counter-" + b + "-C02\""),
                        not(containsString("id=\"counter-B001-")))));
    }

    @Test
    void theConsoleRendersInChineseAndEnglishAndCallsCompletesThroughForms() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        var teller = as(principal(Scope.branch(b), Role.TELLER));
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"A\",\"channel\":\"KIOSK\"}")).andExpect(status().isCreated());
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"call-next\""), containsString("叫号"),
                        containsString("1 人等候"), containsString("本窗口暂无排队号"),
                        containsString("hx-trigger=\"every 10s\""))));
        mvc.perform(post("/counter/" + b + "/C01/call-next").with(teller).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/counter/" + b + "/C01"))
                .andExpect(flash().attribute("flash", "Ticket A001 called."));
        long id = jdbc.sql("select id from queue_ticket where branch_code = :b").param("b", b).query(Long.class).single();
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"current-number\">A001"), containsString("id=\"recall\""),
                        containsString("id=\"start\""), containsString("id=\"no-show\""), containsString("id=\"transfer\""),
                        containsString("id=\"park\""), containsString("A001 called: first come"))));
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(allOf(containsString("A001 被叫号：先到先服务"), containsString("重呼（0/2）"))));
        mvc.perform(post("/counter/" + b + "/C01/tickets/" + id + "/start").with(teller).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "en"))
                .andExpect(content().string(allOf(containsString("id=\"complete\""), containsString("id=\"outcome\""),
                        containsString("Needs follow-up"))));
        mvc.perform(post("/counter/" + b + "/C01/tickets/" + id + "/complete").with(teller).with(csrf())
                        .param("outcome", "REFERRED"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status || ':' || outcome from queue_ticket where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("COMPLETED:REFERRED");
        // a refused action comes back as a message on the page
        mvc.perform(post("/counter/" + b + "/C01/tickets/" + id + "/recall").with(teller).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("consoleError", "Ticket A001 cannot do that in its present state."));
    }

    @Test
    void anIdentifiedCustomerIsShownMaskedOnly() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String mobile = CustomerFixtures.mobile();
        String name = CustomerFixtures.uniqueName("王");
        String created = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"mobile\":\"%s\",\"segment\":\"VIP\"}".formatted(name, mobile)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long customerId = JsonMapper.builder().build().readTree(created).get("id").asLong();
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceCode\":\"A\",\"customerId\":%d,\"channel\":\"LOBBY_MANAGER\"}".formatted(customerId)))
                .andExpect(status().isCreated());
        var teller = as(principal(Scope.branch(b), Role.TELLER));
        mvc.perform(post("/counter/" + b + "/C01/call-next").with(teller).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"customer\""), containsString("VIP"),
                        not(containsString(name)), not(containsString(mobile)),
                        containsString(mobile.substring(0, 3) + "****" + mobile.substring(7)))));
    }

    @Test
    void aTellerOfAnotherBranchGets403AndOtherRolesNoConsole() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        mvc.perform(get("/counter/" + b + "/C01").with(as(principal(Scope.branch("B001"), Role.TELLER)))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(get("/counter/" + b + "/C01").with(as(Role.ANALYST)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(as(Role.TELLER)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Counter console")));
    }

    @Test
    void anIdentifiedCustomersEarlierVisitsAreShownToTheTeller() throws Exception {
        String b = QueueingTestSupport.lobby(mvc);
        String created = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"mobile\":\"%s\"}".formatted(CustomerFixtures.uniqueName("李"),
                                CustomerFixtures.mobile())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long customerId = JsonMapper.builder().build().readTree(created).get("id").asLong();
        var teller = as(principal(Scope.branch(b), Role.TELLER));
        String ticket = "{\"serviceCode\":\"%s\",\"customerId\":%d,\"channel\":\"LOBBY_MANAGER\"}";
        // the first visit: served and completed with a follow-up
        mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                .contentType(MediaType.APPLICATION_JSON).content(ticket.formatted("B", customerId))).andExpect(status().isCreated());
        String first = mvc.perform(post("/api/v1/branches/" + b + "/counters/C02/call-next").with(teller))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long firstId = JsonMapper.builder().build().readTree(first).get("id").asLong();
        mvc.perform(post("/api/v1/tickets/" + firstId + "/start").with(teller)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tickets/" + firstId + "/complete").with(teller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"FOLLOW_UP\"}")).andExpect(status().isOk());
        // the second visit is at the counter now
        String second = mvc.perform(post("/api/v1/branches/" + b + "/tickets").with(as(Role.LOBBY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(ticket.formatted("A", customerId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long secondId = JsonMapper.builder().build().readTree(second).get("id").asLong();
        mvc.perform(post("/counter/" + b + "/C01/call-next").with(teller).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/counter/" + b + "/C01").with(teller).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"customer-visits\""), containsString("Earlier visits"),
                        containsString("B001"), containsString("Needs follow-up"))));
        String json = mvc.perform(get("/api/v1/tickets/" + secondId).with(teller)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var visits = JsonMapper.builder().build().readTree(json).get("customer").get("recentVisits");
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("number").asString()).isEqualTo("B001");
        assertThat(visits.get(0).get("outcome").asString()).isEqualTo("FOLLOW_UP");
    }
}
