package org.fuwu.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.customer.CustomerFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@FuwuIntegrationTest
class CustomerApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    // ---- helpers

    private Map<String, Object> newCustomer(String name, String mobile, String idNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mobile", mobile);
        body.put("idNumber", idNumber);
        return body;
    }

    private JsonNode create(Map<String, Object> body) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated()).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private JsonNode createSimple() throws Exception {
        return create(newCustomer(CustomerFixtures.uniqueName("测试客户"), CustomerFixtures.mobile(), CustomerFixtures.idNumber()));
    }

    // ---- create

    @Test
    void createAnswers201WithTheCustomerMasked() throws Exception {
        String mobile = CustomerFixtures.mobile();
        String id = CustomerFixtures.idNumber();
        String card = CustomerFixtures.cardNumber();
        String email = CustomerFixtures.email();
        Map<String, Object> body = newCustomer(CustomerFixtures.uniqueName("王伟"), mobile.substring(0, 3) + " "
                + mobile.substring(3, 7) + "-" + mobile.substring(7), id);
        body.put("cardNumber", card);
        body.put("email", email);
        body.put("segment", "VIP");
        body.put("preferentialClasses", List.of("DISABLED"));
        body.put("marketingConsent", true);
        MvcResult r = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/customers/")))
                .andExpect(jsonPath("$.customerNumber").value(org.hamcrest.Matchers.matchesPattern("C\\d{8}")))
                .andExpect(jsonPath("$.segment").value("VIP"))
                .andExpect(jsonPath("$.preferentialClasses", hasItem("DISABLED")))
                .andExpect(jsonPath("$.marketingConsent").value(true))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.identities.length()").value(4))
                .andReturn();
        String json = r.getResponse().getContentAsString();
        assertThat(json).doesNotContain(mobile, id, card, email);
        JsonNode created = JSON.readTree(json);
        Map<String, String> masked = new LinkedHashMap<>();
        created.get("identities").forEach(i -> masked.put(i.get("kind").asString(), i.get("masked").asString()));
        assertThat(masked).containsEntry("MOBILE", mobile.substring(0, 3) + "****" + mobile.substring(7))
                .containsEntry("ID_NUMBER", id.substring(0, 3) + "***********" + id.substring(14))
                .containsEntry("CARD_NUMBER", card.substring(0, 4) + "*".repeat(11) + card.substring(15))
                .containsEntry("EMAIL", "c" + "*".repeat(email.indexOf('@') - 1) + "@example.com");
        assertThat(created.get("gender").asString())
                .isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        assertThat(created.get("age").asInt()).isBetween(20, 80);
    }

    @Test
    void aBadIdCheckDigitIs422NamingIdNumber() throws Exception {
        Map<String, Object> body = newCustomer("李娜", CustomerFixtures.mobile(),
                CustomerFixtures.withWrongCheckDigit(CustomerFixtures.idNumber()));
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("check digit")));
    }

    @Test
    void aBadMobileIs422NamingMobileAndTheValueIsNotEchoed() throws Exception {
        Map<String, Object> body = newCustomer("张敏", "1381234", CustomerFixtures.idNumber());
        mvc.perform(post("/api/v1/customers").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN").content(JSON.writeValueAsString(body)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("mobile"))
                .andExpect(jsonPath("$.detail").value(containsString("mobile")))
                .andExpect(jsonPath("$.detail").value(not(containsString("1381234"))));
    }

    @Test
    void aMissingNameIs400NamingName() throws Exception {
        Map<String, Object> body = newCustomer(" ", CustomerFixtures.mobile(), null);
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void theSameMobileOnAnotherCustomerIs409NamingMobile() throws Exception {
        String mobile = CustomerFixtures.mobile();
        JsonNode first = create(newCustomer(CustomerFixtures.uniqueName("陈杰"), mobile, null));
        Map<String, Object> second = newCustomer(CustomerFixtures.uniqueName("陈静"), "+86 " + mobile, null);
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(second)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("mobile")))
                .andExpect(jsonPath("$.detail").value(containsString(first.get("customerNumber").asString())))
                .andExpect(jsonPath("$.detail").value(not(containsString(mobile))));
    }

    @Test
    void theSameIdNumberOnAnotherCustomerIs409AndLinkingItLaterToo() throws Exception {
        String id = CustomerFixtures.idNumber();
        create(newCustomer(CustomerFixtures.uniqueName("周强"), null, id));
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(newCustomer("周强", null, id.toLowerCase()))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("idNumber")));
        JsonNode other = createSimple();
        mvc.perform(post("/api/v1/customers/{id}/identities", other.get("id").asLong()).with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("kind", "ID_NUMBER", "value", id))))
                .andExpect(status().isConflict());
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyGivesTheFirstCustomer() throws Exception {
        Map<String, Object> body = newCustomer(CustomerFixtures.uniqueName("刘洋"), CustomerFixtures.mobile(), null);
        String key = "idem-" + System.nanoTime();
        MvcResult first = mvc.perform(post("/api/v1/customers").with(as(Role.AGENT)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn();
        MvcResult again = mvc.perform(post("/api/v1/customers").with(as(Role.AGENT)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn();
        assertThat(JSON.readTree(again.getResponse().getContentAsString()).get("id").asLong())
                .isEqualTo(JSON.readTree(first.getResponse().getContentAsString()).get("id").asLong());
    }

    // ---- read and search

    @Test
    void anUnknownIdIs404() throws Exception {
        mvc.perform(get("/api/v1/customers/{id}", 987_654_321L).with(as(Role.TELLER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:fuwu:problem:not-found"));
        mvc.perform(put("/api/v1/customers/{id}", 987_654_321L).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"segment\":\"VIP\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void oneCustomerIsReadMasked() throws Exception {
        String mobile = CustomerFixtures.mobile();
        JsonNode c = create(newCustomer(CustomerFixtures.uniqueName("黄丽"), mobile, null));
        mvc.perform(get("/api/v1/customers/{id}", c.get("id").asLong()).with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identities[0].masked").value(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .andExpect(jsonPath("$.identities[0].value").doesNotExist());
    }

    @Test
    void searchByTheExactMobileFindsTheCustomerThroughTheBlindIndex() throws Exception {
        String mobile = CustomerFixtures.mobile();
        JsonNode c = create(newCustomer(CustomerFixtures.uniqueName("赵磊"), mobile, null));
        mvc.perform(get("/api/v1/customers").param("mobile", "+86 " + mobile.substring(0, 3) + "-" + mobile.substring(3))
                        .with(as(Role.AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].id").value(c.get("id").asLong()))
                .andExpect(jsonPath("$.items[0].identities[0].masked").value(containsString("****")));
        mvc.perform(post("/api/v1/customers/search").with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("mobile", mobile))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(c.get("id").asLong()));
        mvc.perform(get("/api/v1/customers").param("mobile", "14700000000").with(as(Role.AGENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/customers").param("mobile", "12345").with(as(Role.AGENT)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("mobile"));
    }

    @Test
    void searchByIdNumberCardAndEmailUsesTheBlindIndexToo() throws Exception {
        String id = CustomerFixtures.idNumber();
        String card = CustomerFixtures.cardNumber();
        String email = CustomerFixtures.email();
        Map<String, Object> body = newCustomer(CustomerFixtures.uniqueName("孙燕"), null, id);
        body.put("cardNumber", card);
        body.put("email", email);
        long cid = create(body).get("id").asLong();
        for (Map.Entry<String, String> q : Map.of("idNumber", id, "cardNumber", card.substring(0, 4) + " " + card.substring(4),
                "email", email.toUpperCase()).entrySet()) {
            mvc.perform(get("/api/v1/customers").param(q.getKey(), q.getValue()).with(as(Role.TELLER)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(cid));
        }
    }

    @Test
    void searchByPartOfTheNameNumberAndSegmentIsPaged() throws Exception {
        String marker = CustomerFixtures.uniqueName("Zz");
        JsonNode a = create(newCustomer("Li " + marker + " A", CustomerFixtures.mobile(), null));
        create(newCustomer("Li " + marker + " B", CustomerFixtures.mobile(), null));
        mvc.perform(get("/api/v1/customers").param("name", marker.toLowerCase()).param("size", "1").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/customers").param("customerNumber", a.get("customerNumber").asString().toLowerCase())
                        .with(as(Role.TELLER)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(a.get("id").asLong()));
        mvc.perform(get("/api/v1/customers").param("segment", "PRIVATE").param("size", "200").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].segment", not(hasItem("ORDINARY"))));
        mvc.perform(get("/api/v1/customers").param("size", "201").with(as(Role.TELLER))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers").param("sort", "password").with(as(Role.TELLER)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/customers").param("sort", "name,desc").with(as(Role.TELLER))).andExpect(status().isOk());
    }

    // ---- update, identities, consent

    @Test
    void updateChangesTheProfileAndAStaleVersionIs409() throws Exception {
        JsonNode c = createSimple();
        long id = c.get("id").asLong();
        String newName = CustomerFixtures.uniqueName("王芳");
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", newName, "segment", "PRIVATE",
                                "preferentialClasses", List.of("PREGNANT"), "homeBranchCode", "B001",
                                "version", c.get("version").asLong()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(newName))
                .andExpect(jsonPath("$.segment").value("PRIVATE"))
                .andExpect(jsonPath("$.homeBranchCode").value("B001"))
                .andExpect(jsonPath("$.gender").value(c.get("gender").asString()))
                .andExpect(jsonPath("$.version").value(c.get("version").asLong() + 1));
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", newName, "segment", "VIP",
                                "version", c.get("version").asLong()))))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", newName, "segment", "VIP", "homeBranchCode", "NOPE9"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("homeBranchCode"));
        String otherGender = "MALE".equals(c.get("gender").asString()) ? "FEMALE" : "MALE";
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.LOBBY_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", newName, "segment", "VIP", "gender", otherGender))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("gender"));
        var tellerOfB002 = CustomerFixtures.staff(Role.TELLER, Scope.branch("B002"));
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(tellerOfB002)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", newName, "segment", "VIP", "homeBranchCode", "B002"))))
                .andExpect(status().isForbidden());
        assertThat(auditCount("customer.update", id)).isEqualTo(1);
    }

    @Test
    void identitiesAreLinkedAndUnlinkedWithAudit() throws Exception {
        long id = createSimple().get("id").asLong();
        MvcResult added = mvc.perform(post("/api/v1/customers/{id}/identities", id).with(as(Role.AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("kind", "WECHAT_OPENID", "value", "oTest" + System.nanoTime(),
                                "channel", "WECHAT"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("WECHAT_OPENID"))
                .andReturn();
        long identityId = JSON.readTree(added.getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(post("/api/v1/customers/{id}/identities", id).with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("kind", "CARD_NUMBER", "value", "6222021234567890127"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        mvc.perform(delete("/api/v1/customers/{id}/identities/{i}", id, identityId).with(as(Role.AGENT)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/customers/{id}/identities/{i}", id, identityId).with(as(Role.AGENT)))
                .andExpect(status().isNotFound());
        assertThat(auditCount("customer.identity.add", id)).isEqualTo(1);
        assertThat(auditCount("customer.identity.remove", id)).isEqualTo(1);
    }

    @Test
    void consentChangesAreAppendedToTheHistory() throws Exception {
        long id = createSimple().get("id").asLong();
        mvc.perform(put("/api/v1/customers/{id}/consent", id).with(as(Role.COMPLAINT_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"granted\": true, \"channel\": \"APP\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marketingConsent").value(true));
        mvc.perform(put("/api/v1/customers/{id}/consent", id).with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"granted\": false, \"channel\": \"PHONE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marketingConsent").value(false));
        mvc.perform(put("/api/v1/customers/{id}/consent", id).with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"PHONE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("granted"));
        mvc.perform(get("/api/v1/customers/{id}/consent", id).with(as(Role.SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].granted").value(false))
                .andExpect(jsonPath("$[0].channel").value("PHONE"))
                .andExpect(jsonPath("$[0].actor").value("cust-test-teller"))
                .andExpect(jsonPath("$[1].granted").value(true));
        assertThat(auditCount("customer.consent", id)).isEqualTo(2);
    }

    // ---- unmask

    @Test
    void unmaskWithoutAReasonIsRefusedNamingReason() throws Exception {
        long id = createSimple().get("id").asLong();
        mvc.perform(post("/api/v1/customers/{id}/unmask", id).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/customers/{id}/unmask", id).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"  ab  \"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(auditCount("customer.unmask", id)).isZero();
    }

    @Test
    void unmaskWithAReasonGivesTheRawValuesAndWritesAnAuditRowWithoutThem() throws Exception {
        String mobile = CustomerFixtures.mobile();
        String idNumber = CustomerFixtures.idNumber();
        long id = create(newCustomer(CustomerFixtures.uniqueName("吴刚"), mobile, idNumber)).get("id").asLong();
        String reason = "客户来电要求核对预留手机号";
        mvc.perform(post("/api/v1/customers/{id}/unmask", id).with(as(Role.AGENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("reason", reason, "kinds", List.of("MOBILE")))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.customerId").value(id))
                .andExpect(jsonPath("$.identities.length()").value(1))
                .andExpect(jsonPath("$.identities[0].kind").value("MOBILE"))
                .andExpect(jsonPath("$.identities[0].value").value(mobile));
        List<Map<String, Object>> rows = jdbc.sql("select actor, target, outcome, details from audit_record "
                + "where action = 'customer.unmask' and target = :t").param("t", "customer:" + id).query().listOfRows();
        assertThat(rows).hasSize(1);
        String details = String.valueOf(rows.get(0).get("details"));
        assertThat(rows.get(0).get("actor")).isEqualTo("cust-test-agent");
        assertThat(rows.get(0).get("outcome")).isEqualTo("SUCCESS");
        assertThat(details).contains("MOBILE", reason).doesNotContain(mobile, idNumber);
    }

    @Test
    void unmaskingAnUnknownCustomerIs404() throws Exception {
        mvc.perform(post("/api/v1/customers/{id}/unmask", 987_654_322L).with(as(Role.TELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"checking the file\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aClosedFileTakesNoNewIdentityNorConsentButCanBeReopened() throws Exception {
        JsonNode c = createSimple();
        long id = c.get("id").asLong();
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", c.get("name").asString(), "segment", "ORDINARY",
                                "status", "CLOSED"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/v1/customers/{id}/identities", id).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("kind", "MOBILE", "value", CustomerFixtures.mobile()))))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/customers/{id}/consent", id).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"granted\": true}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/customers/{id}/consent", id).with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"granted\": false}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/customers/{id}", id).with(as(Role.SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("name", c.get("name").asString(), "segment", "ORDINARY",
                                "status", "ACTIVE"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aBranchScopedTellerCannotMakeACustomerTheCustomerOfAnotherBranch() throws Exception {
        var tellerOfB001 = CustomerFixtures.staff(Role.TELLER, Scope.branch("B001"));
        Map<String, Object> body = newCustomer(CustomerFixtures.uniqueName("马超"), CustomerFixtures.mobile(), null);
        body.put("homeBranchCode", "B101");
        mvc.perform(post("/api/v1/customers").with(as(tellerOfB001)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isForbidden());
        body.put("homeBranchCode", "B001");
        mvc.perform(post("/api/v1/customers").with(as(tellerOfB001)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.homeBranchCode").value("B001"));
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}/unmask']").exists());
    }

    // ---- access

    @Test
    void aRoleWithoutTheUnmaskPermissionIs403AndNothingIsShown() throws Exception {
        long id = createSimple().get("id").asLong();
        mvc.perform(post("/api/v1/customers/{id}/unmask", id).with(as(Role.QUALITY_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"quality inspection\"}"))
                .andExpect(status().isForbidden());
        assertThat(auditCount("customer.unmask", id)).isZero();
    }

    @Test
    void analystsAndAuditorsSeeNoIndividualCustomer() throws Exception {
        long id = createSimple().get("id").asLong();
        for (Role role : List.of(Role.ANALYST, Role.AUDITOR)) {
            mvc.perform(get("/api/v1/customers").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/customers/{id}", id).with(as(role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void onlyFrontLineStaffAndAdminsCreateOrUpdate() throws Exception {
        for (Role role : List.of(Role.RISK_ANALYST, Role.COMPLAINT_OFFICER, Role.QUALITY_MANAGER, Role.AUDITOR)) {
            mvc.perform(post("/api/v1/customers").with(as(role)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"x\"}")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/customers")).andExpect(status().isUnauthorized());
    }

    private int auditCount(String action, long customerId) {
        return jdbc.sql("select count(*) from audit_record where action = :a and target = :t")
                .param("a", action).param("t", "customer:" + customerId).query(Integer.class).single();
    }
}
