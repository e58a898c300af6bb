package org.fuwu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@FuwuIntegrationTest
class CalendarIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor as(Role role) {
        StaffPrincipal p = new StaffPrincipal(1, "cal-" + role, role.name(), Set.of(role), Scope.bank(), null);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                AuthorityUtils.createAuthorityList(role.authority())));
    }

    /** A Saturday in a far year no other test touches, so that tests sharing the database do not collide. */
    private static LocalDate freeSaturday() {
        int year = 2100 + ThreadLocalRandom.current().nextInt(90);
        return LocalDate.of(year, 3, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY))
                .plusWeeks(ThreadLocalRandom.current().nextInt(30));
    }

    @Test
    void theMainlandCalendarOf2026IsThereOnEveryInstall() throws Exception {
        mvc.perform(get("/api/v1/calendars").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("CN")));
        mvc.perform(get("/api/v1/calendars/CN/days?year=2026").with(as(Role.AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.date == '2026-02-14')].kind").value(hasItem("WORKDAY")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-02-16')].kind").value(hasItem("HOLIDAY")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-10-10')].nameZh").value(hasItem("国庆节调休上班")));
        var cn = calendars.get("CN");
        assertThat(cn.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(cn.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(cn.addWorkingDays(LocalDate.parse("2026-02-13"), 2)).isEqualTo(LocalDate.parse("2026-02-24"));
    }

    @Test
    void anUnknownCalendarIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/calendars/XX/days?year=2026").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> calendars.get("XX")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void adminAddsAndRemovesADayAndTheCachedCalendarFollows() throws Exception {
        LocalDate saturday = freeSaturday();
        assertThat(calendars.get("CN").isWorkingDay(saturday)).isFalse();

        mvc.perform(post("/api/v1/calendars/CN/days").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","kind":"WORKDAY","nameZh":"调休上班","nameEn":"Adjusted working day"}"""
                                .formatted(saturday)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("WORKDAY"));
        assertThat(calendars.get("CN").isWorkingDay(saturday)).isTrue();
        mvc.perform(get("/api/v1/calendars/CN/days?year=" + saturday.getYear()).with(as(Role.TELLER)))
                .andExpect(jsonPath("$.items[*].date", hasItem(saturday.toString())));

        mvc.perform(post("/api/v1/calendars/CN/days").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"%s","kind":"HOLIDAY","nameZh":"重复","nameEn":"Twice"}""".formatted(saturday)))
                .andExpect(status().isConflict());

        mvc.perform(delete("/api/v1/calendars/CN/days/" + saturday).with(as(Role.ADMIN))).andExpect(status().isNoContent());
        assertThat(calendars.get("CN").isWorkingDay(saturday)).isFalse();
        mvc.perform(delete("/api/v1/calendars/CN/days/" + saturday).with(as(Role.ADMIN))).andExpect(status().isNotFound());

        long audited = jdbc.sql("select count(*) from audit_record where target = :t and action in ('calendar.day.add', 'calendar.day.remove')")
                .param("t", "calendar:CN/" + saturday).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void anAdjustedWorkingDayMustFallOnAWeekend() throws Exception {
        mvc.perform(post("/api/v1/calendars/CN/days").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"2026-03-10","kind":"WORKDAY","nameZh":"调休","nameEn":"Adjusted"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(post("/api/v1/calendars/CN/days").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"date":"2026-03-14","kind":"PARTY","nameZh":"派对","nameEn":"Party"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/calendars/CN/days").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"HOLIDAY","nameZh":"无日期","nameEn":"No date"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
    }

    @Test
    void onlyAdminChangesCalendars() throws Exception {
        for (Role role : new Role[] {Role.TELLER, Role.SUPERVISOR, Role.AUDITOR}) {
            mvc.perform(post("/api/v1/calendars/CN/days").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"date":"2026-03-14","kind":"HOLIDAY","nameZh":"x","nameEn":"x"}"""))
                    .andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/calendars/CN/days/2026-10-01").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/calendars/CN").with(as(role)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
        assertThat(calendars.get("CN").isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    }

    @Test
    void adminSeesTheYearAndAddsAndRemovesDaysThroughThePage() throws Exception {
        mvc.perform(get("/calendars").with(as(Role.ADMIN)).accept(MediaType.TEXT_HTML).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"calendar-CN\"")));
        mvc.perform(get("/calendars/CN?year=2026").with(as(Role.ADMIN)).accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"special-2026-02-14\"")))
                .andExpect(content().string(containsString("春节")))
                .andExpect(content().string(containsString("本年共 248 个工作日")));

        LocalDate saturday = freeSaturday();
        mvc.perform(post("/calendars/CN/days").with(as(Role.ADMIN)).with(csrf()).accept(MediaType.TEXT_HTML)
                        .param("date", saturday.toString()).param("kind", "HOLIDAY").param("nameZh", "测试假日")
                        .param("nameEn", "Test holiday"))
                .andExpect(redirectedUrl("/calendars/CN?year=" + saturday.getYear()));
        mvc.perform(post("/calendars/CN/days").with(as(Role.ADMIN)).with(csrf()).accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "en")
                        .param("date", saturday.plusDays(2).toString()).param("kind", "WORKDAY").param("nameZh", "坏")
                        .param("nameEn", "Bad"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"date-error\"")))
                .andExpect(content().string(containsString("must fall on a weekend day")));
        // a holiday of several days in one go, all or none
        LocalDate monday = saturday.plusDays(9);
        mvc.perform(post("/calendars/CN/days").with(as(Role.ADMIN)).with(csrf()).accept(MediaType.TEXT_HTML)
                        .param("date", monday.toString()).param("until", monday.plusDays(2).toString())
                        .param("kind", "HOLIDAY").param("nameZh", "测试长假").param("nameEn", "Test break"))
                .andExpect(redirectedUrl("/calendars/CN?year=" + monday.getYear()));
        assertThat(calendars.get("CN").workingDaysBetween(monday, monday.plusDays(3))).isZero();
        mvc.perform(post("/calendars/CN/days").with(as(Role.ADMIN)).with(csrf()).accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "en")
                        .param("date", monday.minusDays(1).toString()).param("until", monday.plusDays(1).toString())
                        .param("kind", "HOLIDAY").param("nameZh", "重叠").param("nameEn", "Overlap"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"date-error\"")));
        assertThat(calendars.get("CN").specialDay(monday.minusDays(1))).isEmpty();
        for (int i = 0; i < 3; i++) {
            mvc.perform(delete("/api/v1/calendars/CN/days/" + monday.plusDays(i)).with(as(Role.ADMIN)))
                    .andExpect(status().isNoContent());
        }

        mvc.perform(post("/calendars/CN/days/" + saturday + "/delete").with(as(Role.ADMIN)).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/calendars/CN?year=" + saturday.getYear()));
        mvc.perform(get("/calendars/CN?year=" + saturday.getYear()).with(as(Role.ADMIN)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("id=\"special-" + saturday + "\""))));
    }
}
