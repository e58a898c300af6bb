package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake by type, the public complaint form, attachments, root cause before closure, saved filters, the dashboard,
 * hotspots with the repeat-complaint rate, and the regulator's report as CSV and XLSX.
 */
@FuwuIntegrationTest
class CaseInsightIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private JsonNode json(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    /** A client address of its own, so that the public form's rate limit of one test does not meet another's. */
    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 250) + "." + r.nextInt(1, 250) + "." + r.nextInt(1, 250);
    }

    private long customer() throws Exception {
        return json(mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"陈重复\",\"mobile\":\"" + org.fuwu.customer.CustomerFixtures.mobile() + "\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void eachTypeRequiresItsFieldsAndTheCasePageShowsThemMasked() throws Exception {
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SERVICE_REQUEST\",\"summary\":\"补卡\",\"channel\":\"BRANCH\",\"contactMobile\":\"13800138000\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("requestKind"));
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"INQUIRY\",\"summary\":\"利率多少\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("contactMobile"));
        mvc.perform(post("/api/v1/cases").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"REGULATOR_COMPLAINT\",\"summary\":\"监管转办\",\"channel\":\"REGULATOR\","
                                + "\"contactMobile\":\"13800138000\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("regulatorReference"));
        mvc.perform(post("/api/v1/cases").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"REGULATOR_COMPLAINT\",\"summary\":\"监管转办\",\"channel\":\"REGULATOR\","
                                + "\"contactMobile\":\"13800138000\",\"regulatorReference\":\"沪银保监投〔2026〕88号\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("regulatorReceivedOn"));
        mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"COMPLAINT\",\"summary\":\"x\",\"channel\":\"BRANCH\",\"branchCode\":\"ZZ99\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("branchCode"));

        long id = json(mvc.perform(post("/api/v1/cases").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"REGULATOR_COMPLAINT\",\"summary\":\"客户投诉理财亏损未告知风险\",\"channel\":\"REGULATOR\","
                        + "\"contactName\":\"王丽\",\"contactMobile\":\"13912345678\",\"regulatorReference\":\"沪银保监投〔2026〕88号\","
                        + "\"regulatorReceivedOn\":\"" + LocalDate.now(CN).minusDays(2) + "\",\"branchCode\":\"B002\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
        JsonNode intake = json(mvc.perform(get("/api/v1/cases/" + id + "/intake").with(as(Role.SUPERVISOR))).andExpect(status().isOk()));
        assertThat(intake.get("regulatorReference").asString()).isEqualTo("沪银保监投〔2026〕88号");
        assertThat(intake.get("contactMobile").asString()).isEqualTo("139****5678");
        assertThat(intake.get("contactName").asString()).isEqualTo("王*");
        assertThat(intake.get("branchCode").asString()).isEqualTo("B002");
        assertThat(intake.get("regionCode").asString()).isEqualTo("R01");
        String stored = jdbc.sql("select contact_mobile_enc from case_file where id = :id").param("id", id).query(String.class).single();
        assertThat(stored).as("encrypted at rest").doesNotContain("13912345678");
        String page = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("139****5678").doesNotContain("13912345678").contains("沪银保监投〔2026〕88号");
    }

    @Test
    void aCustomerComplainsOnThePublicFormWithAPictureAndTheOfficerSeesIt() throws Exception {
        String address = someAddress();
        String form = mvc.perform(get("/complaint").with(from(address)).locale(java.util.Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Tell us about a problem").contains("name=\"_csrf\"");
        String zh = mvc.perform(get("/complaint").with(from(address)).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("投诉与建议");

        // without the CSRF token the post is refused
        mvc.perform(multipart("/complaint").param("type", "COMPLAINT").param("summary", "x").with(from(address)))
                .andExpect(status().isForbidden());
        // a service request needs its kind, and a way to answer
        String refused = mvc.perform(multipart("/complaint").param("type", "SERVICE_REQUEST").param("summary", "补打对账单")
                        .param("contactMobile", "13800138000").with(csrf()).with(from(address)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Choose the kind of service request.").contains("补打对账单");
        mvc.perform(multipart("/complaint").param("type", "INQUIRY").param("summary", "问题").with(csrf()).with(from(address))
                        .locale(java.util.Locale.ENGLISH))
                .andExpect(status().isUnprocessableContent());
        // an HTML page dressed as a picture is refused
        mvc.perform(multipart("/complaint").file(new MockMultipartFile("file", "x.png", "image/png",
                                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "COMPLAINT").param("summary", "ATM吞卡").with(csrf()).with(from(address)))
                .andExpect(status().isUnprocessableContent());

        var done = mvc.perform(multipart("/complaint").file(new MockMultipartFile("file", "../../receipt.png", "image/png", PNG))
                        .param("type", "COMPLAINT").param("summary", "ATM吞卡，网点无人处理").param("contactName", "李先生")
                        .param("contactMobile", "13700001111").param("branchCode", "B001").with(csrf()).with(from(address)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/complaint/received");
        String number = (String) done.getFlashMap().get("number");
        assertThat(number).matches("TS\\d{10}");
        long id = jdbc.sql("select id from case_file where number = :n").param("n", number).query(Long.class).single();
        JsonNode c = json(mvc.perform(get("/api/v1/cases/" + id).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk()));
        assertThat(c.get("channel").asString()).isEqualTo("WEB_FORM");
        assertThat(c.get("customerId").isNull()).as("never linked by a mobile nobody verified").isTrue();
        JsonNode files = json(mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        assertThat(files.get(0).get("name").asString()).isEqualTo("receipt.png");
        assertThat(files.get(0).get("uploadedBy").asString()).isEqualTo("customer");
        var got = mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + files.get(0).get("id").asLong())
                .with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(got.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(got.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(got.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(jdbc.sql("select content_enc from case_attachment where case_id = :c").param("c", id).query(String.class).single())
                .as("stored encrypted").doesNotContain("iVBORw0K");
        mvc.perform(get("/api/v1/cases/" + id + "/attachments/999999999").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isNotFound());
        // staff add a PDF from the case; a teller may read but not download anonymously
        mvc.perform(multipart("/api/v1/cases/" + id + "/attachments").file(new MockMultipartFile("file", "letter.pdf",
                "application/pdf", "%PDF-1.7 letter".getBytes(StandardCharsets.UTF_8))).with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/cases/" + id + "/attachments")).andExpect(status().isUnauthorized());

        // the same mobile complaining again: the officer sees the other case
        mvc.perform(multipart("/complaint").param("type", "COMPLAINT").param("summary", "还是没人处理")
                        .param("contactMobile", "137 0000 1111").with(csrf()).with(from(address)))
                .andExpect(status().is3xxRedirection());
        JsonNode related = json(mvc.perform(get("/api/v1/cases/" + id + "/related").with(as(Role.COMPLAINT_OFFICER)))
                .andExpect(status().isOk()));
        assertThat(related.get("cases").size()).isGreaterThanOrEqualTo(1);

        // rate limited per client address: 5 posts in 10 minutes (this address has made 5), then 429
        String limited = mvc.perform(multipart("/complaint").param("type", "FEEDBACK").param("summary", "建议").with(csrf())
                        .with(from(address)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(limited).contains("Too many submissions");
        mvc.perform(multipart("/complaint").param("type", "FEEDBACK").param("summary", "建议").with(csrf()).with(from(someAddress())))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aComplaintClosesOnlyWithItsRootCauseWhichThePageShows() throws Exception {
        long id = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"手续费未告知\",\"channel\":\"BRANCH\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + id + "/acknowledge").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/decide").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"退还手续费\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/close-with-root-cause").with(as(Role.COMPLAINT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rootCauseCode\":\"R99\",\"correctiveAction\":\"培训柜员\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("rootCauseCode"));
        mvc.perform(post("/api/v1/cases/" + id + "/close-with-root-cause").with(as(Role.COMPLAINT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rootCauseCode\":\"R06\",\"correctiveAction\":\" \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("correctiveAction"));
        mvc.perform(post("/api/v1/cases/" + id + "/close-with-root-cause").with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rootCauseCode\":\"R06\",\"correctiveAction\":\"修订收费告知书\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases/" + id + "/close-with-root-cause").with(as(Role.COMPLAINT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rootCauseCode\":\"r06\",\"correctiveAction\":\"修订收费告知书，柜面双人复核\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(get("/api/v1/cases/" + id + "/root-cause").with(as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("R06")).andExpect(jsonPath("$.nameEn").value("Insufficient disclosure"))
                .andExpect(jsonPath("$.correctiveAction").value("修订收费告知书，柜面双人复核"));
        assertThat(jdbc.sql("select corrective_action_enc from case_file where id = :id").param("id", id).query(String.class).single())
                .doesNotContain("告知书");
        mvc.perform(post("/api/v1/cases/" + id + "/root-cause").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rootCauseCode\":\"R01\",\"correctiveAction\":\"办结后再次修改整改措施\"}")).andExpect(status().isConflict());
        String page = mvc.perform(get("/cases/" + id).with(as(Role.COMPLAINT_OFFICER)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("R06 Insufficient disclosure").contains("修订收费告知书，柜面双人复核");
        mvc.perform(get("/api/v1/cases/insights/root-causes").with(as(Role.TELLER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("R01"));
    }

    @Test
    void anOfficerSavesANamedFilterAndTheDashboardShowsWhatAwaitsApproval() throws Exception {
        StaffPrincipal me = new StaffPrincipal(0, "filter-officer-" + System.nanoTime(), "F", java.util.Set.of(Role.COMPLAINT_OFFICER),
                Scope.bank(), null);
        mvc.perform(post("/api/v1/cases/insights/filters").with(as(me)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"type\":\"COMPLAINT\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/cases/insights/filters").with(as(me)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"type\":\"GRUMBLE\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        long fid = json(mvc.perform(post("/api/v1/cases/insights/filters").with(as(me)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"监管转办未结\",\"type\":\"REGULATOR_COMPLAINT\",\"status\":\"open\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))).get("id").asLong();
        mvc.perform(post("/api/v1/cases/insights/filters").with(as(me)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"监管转办未结\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/cases/insights/filters").with(as(me))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("监管转办未结"));
        mvc.perform(get("/api/v1/cases/insights/filters").with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id==" + fid + ")]").isEmpty());
        JsonNode listed = json(mvc.perform(get("/api/v1/cases/insights/list?filter=" + fid).with(as(me))).andExpect(status().isOk()));
        for (JsonNode c : listed) {
            assertThat(c.get("type").asString()).isEqualTo("REGULATOR_COMPLAINT");
            assertThat(c.get("status").asString()).isEqualTo("OPEN");
        }
        mvc.perform(get("/api/v1/cases/insights/list?status=LOST").with(as(me))).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/cases/insights/list?filter=" + fid).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/cases?filter=" + fid).with(as(me)).locale(java.util.Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("监管转办未结").contains("My cases").contains("Breaching soon");
        mvc.perform(delete("/api/v1/cases/insights/filters/" + fid).with(as(Role.COMPLAINT_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/cases/insights/filters/" + fid).with(as(me))).andExpect(status().isNoContent());

        // breaching soon: a complaint received 23 hours ago has an hour left on its first-response clock
        long soon = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"快到期\",\"channel\":\"VOICE\",\"receivedAt\":\""
                        + java.time.Instant.now().minus(Duration.ofHours(23)) + "\"}")).andExpect(status().isCreated())).get("id").asLong();
        JsonNode breaching = json(mvc.perform(get("/api/v1/cases/insights/list?breaching=true&type=COMPLAINT").with(as(me)))
                .andExpect(status().isOk()));
        assertThat(breaching.findValues("id").stream().map(JsonNode::asLong)).contains(soon);

        // an extension waiting for a supervisor shows on the dashboard
        long waiting = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"summary\":\"需要延期\",\"channel\":\"VOICE\",\"receivedAt\":\""
                        + java.time.Instant.now().minus(Duration.ofDays(20)) + "\"}")).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/v1/cases/" + waiting + "/extend").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"complexity\":\"ESPECIALLY_COMPLEX\",\"reason\":\"需第三方鉴定\"}")).andExpect(status().isOk());
        JsonNode dash = json(mvc.perform(get("/api/v1/cases/insights/dashboard").with(as(me))).andExpect(status().isOk()));
        assertThat(dash.get("awaitingApproval").findValues("id").stream().map(JsonNode::asLong)).contains(waiting);
        assertThat(dash.get("breached").findValues("id").stream().map(JsonNode::asLong)).contains(waiting);
        assertThat(dash.get("dueToday").findValues("id").stream().map(JsonNode::asLong)).doesNotContain(waiting);
        mvc.perform(get("/api/v1/cases/insights/dashboard").with(as(Role.TELLER))).andExpect(status().isForbidden());
        String d = mvc.perform(get("/cases/insights/dashboard").with(as(me)).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(d).contains("待审批").contains("今日到期");
    }

    @Test
    void hotspotsCountCausesProductsBranchesAndRepeatsAndTheRegulatorReportOpensAsXlsx() throws Exception {
        LocalDate monday = LocalDate.now(CN).minusDays(120).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String day = monday.plusDays(2).toString();
        JsonNode before = json(mvc.perform(get("/api/v1/cases/insights/hotspots?period=week&day=" + day).with(as(Role.ANALYST)))
                .andExpect(status().isOk()));
        long customer = customer();
        for (int i = 0; i < 3; i++) {
            String received = monday.plusDays(1 + i).atTime(10, 0).atZone(CN).toInstant().toString();
            long id = json(mvc.perform(post("/api/v1/cases").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\":\"COMPLAINT\",\"summary\":\"信用卡被盗刷\",\"channel\":\"VOICE\",\"branchCode\":\"B101\","
                            + (i < 2 ? "\"customerId\":" + customer + "," : "") + "\"receivedAt\":\"" + received + "\"}"))
                    .andExpect(status().isCreated())).get("id").asLong();
            mvc.perform(post("/api/v1/cases/" + id + "/classify").with(as(Role.COMPLAINT_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"businessCode\":\"B02\",\"causeCode\":\"C06\"}")).andExpect(status().isOk());
        }
        JsonNode after = json(mvc.perform(get("/api/v1/cases/insights/hotspots?period=WEEK&day=" + day).with(as(Role.ANALYST)))
                .andExpect(status().isOk()));
        assertThat(after.get("first").asString()).isEqualTo(monday.toString());
        assertThat(after.get("complaints").asInt() - before.get("complaints").asInt()).isEqualTo(3);
        assertThat(after.at("/repeat/repeats").asInt() - before.at("/repeat/repeats").asInt())
                .as("the same customer's second complaint within 30 days; the anonymous one never repeats").isEqualTo(1);
        assertThat(count(after.get("causes"), "C06") - count(before.get("causes"), "C06")).isEqualTo(3);
        assertThat(count(after.get("products"), "B02") - count(before.get("products"), "B02")).isEqualTo(3);
        assertThat(count(after.get("branches"), "B101") - count(before.get("branches"), "B101")).isEqualTo(3);
        assertThat(after.get("trend").size()).isEqualTo(6);
        mvc.perform(get("/api/v1/cases/insights/hotspots?period=DECADE").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/cases/insights/hotspots?day=2026-13-01").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(get("/api/v1/cases/insights/hotspots").with(as(Role.TELLER))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/cases/insights/hotspots?period=WEEK&day=" + day).with(as(Role.ANALYST))
                .locale(java.util.Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Security of funds").contains("Beijing Chaoyang Sub-branch").contains("Repeat complaints");

        var csv = mvc.perform(get("/api/v1/cases/insights/regulator-report?period=WEEK&format=csv&day=" + day).with(as(Role.ANALYST))
                .locale(java.util.Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse();
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFbusiness code,business type,cause code,cause,channel,region,received,closed");
        assertThat(text).contains("B02,Credit cards,C06,Security of funds,VOICE,R02,");
        var xlsx = mvc.perform(get("/api/v1/cases/insights/regulator-report?period=WEEK&format=xlsx&day=" + day).with(as(Role.AUDITOR))
                .locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("业务类别");
            boolean found = false;
            for (Row r : sheet) {
                if (r.getRowNum() > 1 && "B02".equals(r.getCell(0).getStringCellValue()) && "C06".equals(r.getCell(2).getStringCellValue())
                        && "VOICE".equals(r.getCell(4).getStringCellValue()) && "R02".equals(r.getCell(5).getStringCellValue())) {
                    assertThat(r.getCell(1).getStringCellValue()).isEqualTo("信用卡");
                    assertThat(r.getCell(6).getNumericCellValue()).isGreaterThanOrEqualTo(3);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(jdbc.sql("select (select count(*) from audit_record where action = 'cases.report.regulator.export')"
                + " + (select count(*) from audit_pending where action = 'cases.report.regulator.export')").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        mvc.perform(get("/api/v1/cases/insights/regulator-report?format=pdf").with(as(Role.ANALYST)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/v1/cases/insights/regulator-report").with(as(Role.TELLER))).andExpect(status().isForbidden());
    }

    private static int count(JsonNode items, String key) {
        for (JsonNode i : items) {
            if (i.get("key").asString().equals(key)) {
                return i.get("count").asInt();
            }
        }
        return 0;
    }
}
