package org.fuwu.organization;

import static org.fuwu.organization.OrganizationFixtures.admin;
import static org.fuwu.organization.OrganizationFixtures.as;
import static org.fuwu.organization.OrganizationFixtures.tellerOfB001;
import static org.fuwu.organization.OrganizationFixtures.uniqueCode;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.BranchDirectory;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@FuwuIntegrationTest
class OrganizationApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BranchDirectory directory;

    @Autowired
    Branches branches;

    @Autowired
    JdbcClient jdbc;

    private ResultActions send(RequestPostProcessor who, String method, String path, String json) throws Exception {
        var request = switch (method) {
            case "POST" -> post(path);
            case "PUT" -> put(path);
            default -> get(path);
        };
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(who).accept(MediaType.APPLICATION_JSON));
    }

    private void createRegion(String code) throws Exception {
        send(admin(), "POST", "/api/v1/regions", """
                {"code":"%s","nameZh":"测试区","nameEn":"Test region","calendarCode":"CN"}""".formatted(code))
                .andExpect(status().isCreated());
    }

    private void createBranch(String code, String region) throws Exception {
        send(admin(), "POST", "/api/v1/branches", """
                {"code":"%s","nameZh":"测试支行","nameEn":"Test sub-branch","regionCode":"%s",
                 "addressZh":"上海市静安区南京西路1号","addressEn":"1 Nanjing West Road, Jing'an, Shanghai",
                 "latitude":31.2304,"longitude":121.4737,"phone":"021-6000 0000"}""".formatted(code, region))
                .andExpect(status().isCreated());
    }

    private long auditCount(String action, String target) {
        return jdbc.sql("select count(*) from audit_record where action = :a and target = :t")
                .param("a", action).param("t", target).query(Long.class).single();
    }

    // ---- demo data and the directory

    @Test
    void demoBankHasFourBranchesInTwoRegions() {
        assertThat(directory.branchExists("B001")).isTrue();
        assertThat(directory.branchExists("B999")).isFalse();
        assertThat(directory.regionExists("R02")).isTrue();
        assertThat(directory.branchCodesOfRegion("R01")).contains("B001", "B002", "B003").doesNotContain("B101");
        assertThat(directory.branchCodesOfRegion("R02")).contains("B101");
        assertThat(directory.branchCodesOfRegion("NOPE")).isEmpty();
        assertThat(branches.find("B001")).hasValueSatisfying(b -> {
            assertThat(b.nameZh()).isEqualTo("上海分行营业部");
            assertThat(b.timeZone().getId()).isEqualTo("Asia/Shanghai");
        });
        assertThat(branches.calendarOf("B101").code()).isEqualTo("CN");
        assertThat(branches.calendarOf("B001").isWorkingDay(java.time.LocalDate.parse("2026-02-14"))).isTrue();
    }

    @Test
    void demoBranchB001HasZonesCountersAndSaturdayHours() throws Exception {
        send(admin(), "GET", "/api/v1/branches/B001/zones", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kind", hasItems("LARGE_CASH", "SMALL_CASH", "NON_CASH", "WEALTH",
                        "SELF_SERVICE", "VIP")));
        send(admin(), "GET", "/api/v1/branches/B001/counters", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(6)));
        send(admin(), "GET", "/api/v1/branches/B001/opening-hours", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[0].weekday").value("MONDAY"))
                .andExpect(jsonPath("$.days[0].opens").value(org.hamcrest.Matchers.startsWith("09:00")))
                .andExpect(jsonPath("$.days[5].closed").value(false))
                .andExpect(jsonPath("$.days[5].closes").value(org.hamcrest.Matchers.startsWith("16:00")))
                .andExpect(jsonPath("$.days[6].closed").value(true));
    }

    // ---- CRUD as ADMIN

    @Test
    void adminCreatesReadsAndUpdatesARegionAndABranch() throws Exception {
        String region = uniqueCode("R");
        String branch = uniqueCode("B");
        createRegion(region);
        send(admin(), "GET", "/api/v1/regions/" + region, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("Test region"));
        send(admin(), "PUT", "/api/v1/regions/" + region, """
                {"nameZh":"测试大区","nameEn":"Test area","calendarCode":"CN"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("Test area"))
                .andExpect(jsonPath("$.version").value(1));

        createBranch(branch, region);
        send(admin(), "GET", "/api/v1/branches/" + branch, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value(region))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.latitude").value(31.2304));
        send(admin(), "PUT", "/api/v1/branches/" + branch, """
                {"nameZh":"测试支行","nameEn":"Renamed sub-branch","regionCode":"%s","active":false,"version":0}"""
                .formatted(region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Renamed sub-branch"))
                .andExpect(jsonPath("$.active").value(false));
        send(admin(), "GET", "/api/v1/branches?region=" + region, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(branch));

        assertThat(auditCount("organization.region.create", "region:" + region)).isEqualTo(1);
        assertThat(auditCount("organization.region.update", "region:" + region)).isEqualTo(1);
        assertThat(auditCount("organization.branch.create", "branch:" + branch)).isEqualTo(1);
        assertThat(auditCount("organization.branch.update", "branch:" + branch)).isEqualTo(1);
    }

    @Test
    void adminManagesZonesCountersAndHoursOfABranch() throws Exception {
        String region = uniqueCode("R");
        String branch = uniqueCode("B");
        createRegion(region);
        createBranch(branch, region);
        String base = "/api/v1/branches/" + branch;

        send(admin(), "POST", base + "/zones", """
                {"code":"Z01","nameZh":"非现金区","nameEn":"Non-cash","kind":"NON_CASH"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", base + "/zones/Z01"))
                .andExpect(jsonPath("$.kind").value("NON_CASH"));
        send(admin(), "POST", base + "/counters", """
                {"code":"C01","number":"1","zoneCode":"Z01","kind":"NORMAL"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.zoneCode").value("Z01"));
        send(admin(), "PUT", base + "/counters/C01", """
                {"number":"5","zoneCode":"Z01","kind":"VIP"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("5"))
                .andExpect(jsonPath("$.kind").value("VIP"));

        // a zone with an active counter cannot be deactivated; once the counter is, it can
        send(admin(), "PUT", base + "/zones/Z01", """
                {"nameZh":"非现金区","nameEn":"Non-cash","kind":"NON_CASH","active":false}""")
                .andExpect(status().isConflict());
        send(admin(), "PUT", base + "/counters/C01", """
                {"number":"5","zoneCode":"Z01","kind":"VIP","active":false}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        send(admin(), "PUT", base + "/zones/Z01", """
                {"nameZh":"非现金区","nameEn":"Non-cash","kind":"NON_CASH","active":false}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));

        send(admin(), "PUT", base + "/opening-hours", """
                {"days":[{"weekday":"MONDAY","opens":"08:30","closes":"17:30"},
                         {"weekday":"SATURDAY","opens":"09:00","closes":"12:00"},
                         {"weekday":"SUNDAY","closed":true}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[0].opens").value(org.hamcrest.Matchers.startsWith("08:30")))
                .andExpect(jsonPath("$.days[1].closed").value(true))
                .andExpect(jsonPath("$.days[5].closes").value(org.hamcrest.Matchers.startsWith("12:00")));

        assertThat(auditCount("organization.zone.create", "zone:" + branch + "/Z01")).isEqualTo(1);
        assertThat(auditCount("organization.counter.update", "counter:" + branch + "/C01")).isEqualTo(2);
        assertThat(auditCount("organization.hours.update", "branch:" + branch)).isEqualTo(1);
    }

    // ---- errors

    @Test
    void unknownCodesAnswer404() throws Exception {
        send(admin(), "GET", "/api/v1/branches/B9Z9Z9", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:not-found"));
        send(admin(), "GET", "/api/v1/regions/R9Z9Z9", null).andExpect(status().isNotFound());
        send(admin(), "GET", "/api/v1/branches/B001/zones/ZZ99", null).andExpect(status().isNotFound());
        send(admin(), "PUT", "/api/v1/branches/B001/counters/CZ99", """
                {"number":"9","zoneCode":"Z01","kind":"NORMAL"}""").andExpect(status().isNotFound());
    }

    @Test
    void duplicateCodesAnswer409() throws Exception {
        send(admin(), "POST", "/api/v1/regions", """
                {"code":"R01","nameZh":"重复","nameEn":"Duplicate","calendarCode":"CN"}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:fuwu:problem:conflict"));
        send(admin(), "POST", "/api/v1/branches", """
                {"code":"B001","nameZh":"重复","nameEn":"Duplicate","regionCode":"R01"}""")
                .andExpect(status().isConflict());
        send(admin(), "POST", "/api/v1/branches/B001/zones", """
                {"code":"Z01","nameZh":"重复","nameEn":"Duplicate","kind":"VIP"}""")
                .andExpect(status().isConflict());
    }

    @Test
    void aStaleVersionAnswers409() throws Exception {
        String region = uniqueCode("R");
        createRegion(region);
        send(admin(), "PUT", "/api/v1/regions/" + region, """
                {"nameZh":"一","nameEn":"One","calendarCode":"CN","version":0}""").andExpect(status().isOk());
        send(admin(), "PUT", "/api/v1/regions/" + region, """
                {"nameZh":"二","nameEn":"Two","calendarCode":"CN","version":0}""").andExpect(status().isConflict());
    }

    @Test
    void aBadCodeFormatIsNamed() throws Exception {
        send(admin(), "POST", "/api/v1/branches", """
                {"code":"b-1","nameZh":"坏","nameEn":"Bad","regionCode":"R01"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")));
    }

    @Test
    void coordinatesOutOfRangeAreNamed() throws Exception {
        send(admin(), "POST", "/api/v1/branches", """
                {"code":"%s","nameZh":"坏","nameEn":"Bad","regionCode":"R01","latitude":91,"longitude":-181}"""
                .formatted(uniqueCode("B")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("latitude", "longitude")));
    }

    @Test
    void unknownRegionZoneCalendarAndTimeZoneAreNamed() throws Exception {
        send(admin(), "POST", "/api/v1/branches", """
                {"code":"%s","nameZh":"坏","nameEn":"Bad","regionCode":"RZZZ","timeZone":"Mars/Olympus"}"""
                .formatted(uniqueCode("B")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("regionCode", "timeZone")));
        send(admin(), "POST", "/api/v1/branches/B001/counters", """
                {"code":"%s","number":"99","zoneCode":"ZZZ","kind":"NORMAL"}""".formatted(uniqueCode("C")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("zoneCode")));
        send(admin(), "POST", "/api/v1/regions", """
                {"code":"%s","nameZh":"坏","nameEn":"Bad","calendarCode":"XX"}""".formatted(uniqueCode("R")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("calendarCode")));
        send(admin(), "POST", "/api/v1/branches/B001/zones", """
                {"code":"%s","nameZh":"坏","nameEn":"Bad","kind":"CASINO"}""".formatted(uniqueCode("Z")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
    }

    @Test
    void missingNamesAnswer400NamingTheField() throws Exception {
        send(admin(), "POST", "/api/v1/regions", """
                {"code":"%s","nameEn":"No Chinese name","calendarCode":"CN"}""".formatted(uniqueCode("R")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("nameZh")));
    }

    @Test
    void closingBeforeOpeningIsNamed() throws Exception {
        send(admin(), "PUT", "/api/v1/branches/B003/opening-hours", """
                {"days":[{"weekday":"MONDAY","opens":"17:00","closes":"09:00"},{"weekday":"TUESDAY"}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("days[0].closes", "days[1].opens",
                        "days[1].closes")));
        // B003 keeps its hours
        send(admin(), "GET", "/api/v1/branches/B003/opening-hours", null)
                .andExpect(jsonPath("$.days[0].closed").value(false));
    }

    @Test
    void pagingBeyondTheLimitIsNamed() throws Exception {
        send(admin(), "GET", "/api/v1/branches?size=500", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("size")));
        send(admin(), "GET", "/api/v1/branches?sort=password", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("sort")));
        send(admin(), "GET", "/api/v1/branches?sort=nameEn,desc&size=2", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    // ---- roles and scope

    @Test
    void tellerOfB001ReadsB001ButNotB002() throws Exception {
        send(tellerOfB001(), "GET", "/api/v1/branches/B001", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("B001"));
        send(tellerOfB001(), "GET", "/api/v1/branches/B002", null).andExpect(status().isForbidden());
        send(tellerOfB001(), "GET", "/api/v1/branches/B002/zones", null).andExpect(status().isForbidden());
        send(tellerOfB001(), "GET", "/api/v1/branches/B002/counters", null).andExpect(status().isForbidden());
        send(tellerOfB001(), "GET", "/api/v1/branches/B002/opening-hours", null).andExpect(status().isForbidden());
        send(tellerOfB001(), "GET", "/api/v1/branches/B001/opening-hours", null).andExpect(status().isOk());
    }

    @Test
    void tellerOfB001ListsOnlyB001() throws Exception {
        send(tellerOfB001(), "GET", "/api/v1/branches?size=200", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("B001")));
        send(tellerOfB001(), "GET", "/api/v1/regions", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("R01")));
        send(tellerOfB001(), "GET", "/api/v1/regions/R02", null).andExpect(status().isForbidden());
    }

    @Test
    void regionScopedSupervisorSeesEveryEastChinaBranchButNotBeijing() throws Exception {
        RequestPostProcessor supervisor = as(Role.SUPERVISOR, Scope.region("R01", directory.branchCodesOfRegion("R01")));
        send(supervisor, "GET", "/api/v1/branches?size=200", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItems("B001", "B002", "B003")))
                .andExpect(jsonPath("$.items[*].code", not(hasItem("B101"))));
        send(supervisor, "GET", "/api/v1/branches/B003", null).andExpect(status().isOk());
        send(supervisor, "GET", "/api/v1/branches/B101", null).andExpect(status().isForbidden());
    }

    @Test
    void everyStaffRoleMayReadButOnlyAdminMayWrite() throws Exception {
        for (Role role : Role.values()) {
            send(as(role, Scope.bank()), "GET", "/api/v1/branches/B001", null).andExpect(status().isOk());
            send(as(role, Scope.bank()), "GET", "/api/v1/regions", null).andExpect(status().isOk());
        }
        for (Role role : Set.of(Role.TELLER, Role.LOBBY_MANAGER, Role.SUPERVISOR, Role.AUDITOR)) {
            send(as(role, Scope.bank()), "PUT", "/api/v1/branches/B001/opening-hours", """
                    {"days":[]}""").andExpect(status().isForbidden());
            send(as(role, Scope.bank()), "POST", "/api/v1/regions", """
                    {"code":"RX","nameZh":"x","nameEn":"x","calendarCode":"CN"}""").andExpect(status().isForbidden());
        }
    }

    @Test
    void aRegionScopedAdminEditsItsBranchesButCannotCreateBranchesOrTouchOtherRegions() throws Exception {
        RequestPostProcessor regionalAdmin = as(Role.ADMIN, Scope.region("R02", directory.branchCodesOfRegion("R02")));
        send(regionalAdmin, "POST", "/api/v1/branches", """
                {"code":"%s","nameZh":"新","nameEn":"New","regionCode":"R02"}""".formatted(uniqueCode("B")))
                .andExpect(status().isForbidden());
        send(regionalAdmin, "PUT", "/api/v1/branches/B001/opening-hours", """
                {"days":[]}""").andExpect(status().isForbidden());
        send(regionalAdmin, "POST", "/api/v1/branches/B101/zones", """
                {"code":"%s","nameZh":"自助区","nameEn":"Self-service","kind":"SELF_SERVICE","active":false}"""
                .formatted(uniqueCode("Z"))).andExpect(status().isCreated());
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() throws Exception {
        mvc.perform(get("/api/v1/branches").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }
}
