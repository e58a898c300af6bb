package org.fuwu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The home page launches only workspaces that exist and that the role may open: no dead links, for every role. */
@FuwuIntegrationTest
class LauncherIntegrationTest {

    private static final Pattern TILE = Pattern.compile("<a class=\"card[^\"]*\" href=\"([^\"]+)\" id=\"tile-([^\"]+)\"");
    private static final Pattern NAV = Pattern.compile("<a class=\"nav-link\" href=\"([^\"?]+)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void everyLinkOnTheHomePageOpensForEveryRole() throws Exception {
        List<String> dead = new ArrayList<>();
        for (Role role : Role.values()) {
            String home = mvc.perform(get("/").with(as(role)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
            Set<String> links = new LinkedHashSet<>();
            Matcher t = TILE.matcher(home);
            int tiles = 0;
            while (t.find()) {
                links.add(t.group(1));
                tiles++;
            }
            assertThat(tiles).as("launcher tiles of " + role).isPositive();
            Matcher n = NAV.matcher(home);
            while (n.find()) {
                links.add(n.group(1));
            }
            for (String link : links) {
                int status = mvc.perform(get(link).with(as(role)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus();
                if (status != 200 && status != 302) {
                    dead.add(role + " " + link + " → " + status);
                }
            }
        }
        assertThat(dead).as("dead or forbidden links on the home page").isEmpty();
    }

    @Test
    void anAuditorSeesTheAuditLogAndATellerDoesNot() throws Exception {
        String auditor = mvc.perform(get("/").with(as(Role.AUDITOR))).andReturn().getResponse().getContentAsString();
        String teller = mvc.perform(get("/").with(as(Role.TELLER))).andReturn().getResponse().getContentAsString();
        assertThat(auditor).contains("id=\"tile-audit\"");
        assertThat(teller).doesNotContain("id=\"tile-audit\"");
    }

    @Test
    void everyStylesheetAndScriptOfTheLayoutLoads() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"").matcher(login);
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(6);
        for (String asset : assets) {
            assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).as(asset).isEqualTo(200);
        }
    }
}
