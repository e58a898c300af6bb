package org.fuwu.organization;

import static org.fuwu.organization.OrganizationFixtures.admin;
import static org.fuwu.organization.OrganizationFixtures.as;
import static org.fuwu.organization.OrganizationFixtures.tellerOfB001;
import static org.fuwu.organization.OrganizationFixtures.uniqueCode;
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
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@FuwuIntegrationTest
class OrganizationPageIntegrationTest {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder page(String path) {
        return get(path).accept(MediaType.TEXT_HTML).header("Accept-Language", "en");
    }

    private static MockHttpServletRequestBuilder form(String path) {
        return post(path).with(csrf()).accept(MediaType.TEXT_HTML).header("Accept-Language", "en");
    }

    @Test
    void tellerOfB001SeesOnlyB001InTheBranchList() throws Exception {
        mvc.perform(page("/organization/branches").with(tellerOfB001()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"branch-B001\"")))
                .andExpect(content().string(not(containsString("id=\"branch-B002\""))))
                .andExpect(content().string(not(containsString("id=\"new-branch\""))));
    }

    @Test
    void tellerOfB001OpensB001ButGets403ForTheB002Page() throws Exception {
        mvc.perform(page("/organization/branches/B001").with(tellerOfB001()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Shanghai Branch Business Department")))
                .andExpect(content().string(containsString("id=\"zones\"")))
                .andExpect(content().string(not(containsString("id=\"edit-branch\""))));
        mvc.perform(page("/organization/branches/B002").with(tellerOfB001()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"error-title\"")));
    }

    @Test
    void aTellerCannotOpenTheEditingPages() throws Exception {
        mvc.perform(page("/organization/branches/B001/edit").with(tellerOfB001())).andExpect(status().isForbidden());
        mvc.perform(page("/organization/branches/B001/hours/edit").with(tellerOfB001())).andExpect(status().isForbidden());
        mvc.perform(form("/organization/branches/B001/hours").with(tellerOfB001())).andExpect(status().isForbidden());
    }

    @Test
    void anAgentHasNoOrganisationPages() throws Exception {
        mvc.perform(page("/organization/branches").with(as(Role.AGENT, Scope.bank()))).andExpect(status().isForbidden());
    }

    @Test
    void adminSeesEveryBranchAndTheEditingButtons() throws Exception {
        mvc.perform(page("/organization/branches").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"branch-B101\"")))
                .andExpect(content().string(containsString("id=\"new-branch\"")));
        mvc.perform(page("/organization/branches/B001").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-hours\"")))
                .andExpect(content().string(containsString("id=\"edit-counter-C01\"")));
        for (String path : new String[] {"/organization/regions", "/organization/regions/new", "/organization/regions/R01/edit",
                "/organization/branches/new", "/organization/branches/B001/edit", "/organization/branches/B001/zones/new",
                "/organization/branches/B001/zones/Z01/edit", "/organization/branches/B001/counters/new",
                "/organization/branches/B001/counters/C01/edit", "/organization/branches/B001/hours/edit"}) {
            mvc.perform(page(path).with(admin())).andExpect(status().isOk());
        }
        mvc.perform(page("/organization").with(admin())).andExpect(redirectedUrl("/organization/branches"));
    }

    @Test
    void pagesSpeakChinese() throws Exception {
        mvc.perform(get("/organization/branches/B001").with(admin()).accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("营业时间")))
                .andExpect(content().string(containsString("大额现金区")));
    }

    @Test
    void adminCreatesARegionAndABranchThroughTheForms() throws Exception {
        String region = uniqueCode("R");
        String branch = uniqueCode("B");
        mvc.perform(form("/organization/regions").with(admin()).param("code", region).param("nameZh", "西南区")
                        .param("nameEn", "South West").param("calendarCode", "CN"))
                .andExpect(redirectedUrl("/organization/regions"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(form("/organization/branches").with(admin()).param("code", branch).param("nameZh", "成都支行")
                        .param("nameEn", "Chengdu Sub-branch").param("regionCode", region).param("latitude", "30.657")
                        .param("longitude", "104.066").param("timeZone", "Asia/Shanghai").param("active", "true"))
                .andExpect(redirectedUrl("/organization/branches/" + branch));
        mvc.perform(form("/organization/branches/" + branch + "/zones").with(admin()).param("code", "Z01")
                        .param("nameZh", "贵宾区").param("nameEn", "VIP").param("kind", "VIP").param("active", "true"))
                .andExpect(redirectedUrl("/organization/branches/" + branch));
        mvc.perform(form("/organization/branches/" + branch + "/counters").with(admin()).param("code", "C01")
                        .param("number", "1").param("zoneCode", "Z01").param("kind", "VIP").param("active", "true"))
                .andExpect(redirectedUrl("/organization/branches/" + branch));
        var hours = form("/organization/branches/" + branch + "/hours").with(admin());
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            hours.param("closed_" + day, "false").param("opens_" + day, "09:00").param("closes_" + day, "17:00");
        }
        hours.param("closed_SATURDAY", "true").param("closed_SUNDAY", "true");
        mvc.perform(hours).andExpect(redirectedUrl("/organization/branches/" + branch));
        mvc.perform(page("/organization/branches/" + branch).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"counter-C01\"")))
                .andExpect(content().string(containsString("09:00–17:00")));
        // deactivating a counter through its edit form
        mvc.perform(form("/organization/branches/" + branch + "/counters/C01").with(admin()).param("number", "1")
                        .param("zoneCode", "Z01").param("kind", "VIP").param("active", "false"))
                .andExpect(redirectedUrl("/organization/branches/" + branch));
    }

    @Test
    void formErrorsAreShownNextToTheField() throws Exception {
        mvc.perform(form("/organization/branches").with(admin()).param("code", "bad code").param("nameZh", "坏")
                        .param("nameEn", "Bad").param("regionCode", "R01").param("latitude", "95").param("longitude", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("id=\"latitude-error\"")))
                .andExpect(content().string(containsString("must be between -90 and 90")));
        mvc.perform(form("/organization/branches").with(admin()).param("code", uniqueCode("B")).param("nameEn", "No Chinese")
                        .param("regionCode", "R01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nameZh-error\"")));
        mvc.perform(form("/organization/regions").with(admin()).param("code", "R01").param("nameZh", "重复")
                        .param("nameEn", "Duplicate").param("calendarCode", "CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")));
        mvc.perform(form("/organization/branches/B002/hours").with(admin()).param("closed_MONDAY", "false")
                        .param("opens_MONDAY", "18:00").param("closes_MONDAY", "09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"closes_MONDAY-error\"")));
    }
}
