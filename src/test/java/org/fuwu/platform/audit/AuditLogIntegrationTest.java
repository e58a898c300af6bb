package org.fuwu.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@FuwuIntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;

    private long append(String target) {
        audit.recordAs("tester", "10.0.0.1", "test.append", target, AuditLog.Outcome.SUCCESS, Map.of("k", "v"));
        return jdbc.sql("select max(seq) from audit_record where target = :t").param("t", target).query(Long.class).single();
    }

    @Test
    void anUpdateBehindTheApplicationsBackIsFoundAtTheExactRow() throws Exception {
        append("t:u1");
        long tampered = append("t:u2");
        append("t:u3");
        String original = jdbc.sql("select actor from audit_record where seq = :s").param("s", tampered).query(String.class).single();
        jdbc.sql("update audit_record set actor = 'mallory' where seq = :s").param("s", tampered).update();
        try {
            mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(tampered))
                    .andExpect(jsonPath("$.reason").value("record " + tampered + " was changed"));
        } finally {
            jdbc.sql("update audit_record set actor = :a where seq = :s").param("a", original).param("s", tampered).update();
        }
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void aDeleteBehindTheApplicationsBackIsFoundAtTheExactRow() throws Exception {
        append("t:d1");
        long deleted = append("t:d2");
        append("t:d3");
        Map<String, Object> row = jdbc.sql("select * from audit_record where seq = :s").param("s", deleted).query().singleRow();
        jdbc.sql("delete from audit_record where seq = :s").param("s", deleted).update();
        try {
            mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(deleted))
                    .andExpect(jsonPath("$.reason").value("record " + deleted + " is missing"));
        } finally {
            jdbc.sql("""
                    insert into audit_record (seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash)
                    values (:seq, :occurred_at, :actor, :origin, :action, :target, :outcome, :details, :prev_hash, :hash)""")
                    .paramSource(row).update();
        }
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void cuttingTheTailIsFoundToo() throws Exception {
        long last = append("t:tail");
        Map<String, Object> row = jdbc.sql("select * from audit_record where seq = :s").param("s", last).query().singleRow();
        jdbc.sql("delete from audit_record where seq = :s").param("s", last).update();
        try {
            mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(last));
        } finally {
            jdbc.sql("""
                    insert into audit_record (seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash)
                    values (:seq, :occurred_at, :actor, :origin, :action, :target, :outcome, :details, :prev_hash, :hash)""")
                    .paramSource(row).update();
        }
    }

    @Test
    void theViewerFiltersByActionAndAnAnalystMayNotSeeIt() throws Exception {
        append("t:viewer-filter");
        mvc.perform(get("/api/v1/audit/records").param("target", "t:viewer-filter").with(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].action").value("test.append"))
                .andExpect(jsonPath("$.items[0].actor").value("tester"))
                .andExpect(jsonPath("$.items[0].origin").value("10.0.0.1"));
        mvc.perform(get("/audit").param("target", "t:viewer-filter").with(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("t:viewer-filter")));
        mvc.perform(get("/api/v1/audit/records").with(as(Role.ANALYST))).andExpect(status().isForbidden());
    }

    @Test
    void aDenialIsItselfAudited() throws Exception {
        mvc.perform(get("/api/v1/audit/records").with(as(Role.RISK_ANALYST))).andExpect(status().isForbidden());
        long denied = jdbc.sql("select count(*) from audit_record where action = 'access.denied' and target = 'GET /api/v1/audit/records'"
                + " and actor = 'test-risk_analyst'").query(Long.class).single();
        assertThat(denied).isPositive();
    }

    @Test
    void anExportIsCsvAndIsItselfAudited() throws Exception {
        append("t:export,with comma");
        String csv = mvc.perform(get("/api/v1/audit/records.csv").param("target", "t:export").with(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("seq,occurred_at,actor").contains("\"t:export,with comma\"");
        long exports = jdbc.sql("select count(*) from audit_record where action = 'audit.export' and actor = 'test-auditor'")
                .query(Long.class).single();
        assertThat(exports).isPositive();
    }

    @Test
    void aRecordMadeInsideAReadOnlyTransactionIsKept() {
        var readOnly = new org.springframework.transaction.support.TransactionTemplate(txManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> audit.success("test.read-only", "t:read-only"));
        assertThat(jdbc.sql("select count(*) from audit_record where target = 't:read-only'").query(Long.class).single())
                .isPositive();
    }
}
