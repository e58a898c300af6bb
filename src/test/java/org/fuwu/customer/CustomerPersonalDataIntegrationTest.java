package org.fuwu.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.customer.CustomerFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.platform.Identifiers;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data at rest and in logs: after customers are created, searched, changed, refused and
 * unmasked, no raw ID number, mobile number, card number or e-mail address is in any text column of
 * any table, nor in the output of the test run.
 */
@FuwuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CustomerPersonalDataIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dX](?![0-9A-Za-z])");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSystem logging;

    /** The loggers turned up while the customer file is used, so that a leak would show: SQL parameters included. */
    private static final Map<String, LogLevel> VERBOSE = Map.of("org.fuwu", LogLevel.DEBUG,
            "org.springframework.jdbc.core", LogLevel.TRACE, "org.springframework.web", LogLevel.DEBUG);

    @Test
    void noRawIdentifierIsInAnyDatabaseColumnOrInTheLogs(CapturedOutput output) throws Exception {
        VERBOSE.forEach(logging::setLogLevel);
        try {
            useTheCustomerFile(output);
        } finally {
            VERBOSE.keySet().forEach(name -> logging.setLogLevel(name, null));
        }
    }

    private void useTheCustomerFile(CapturedOutput output) throws Exception {
        LoggerFactory.getLogger(CustomerPersonalDataIntegrationTest.class).info("personal-data scan starts");
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String mobile = CustomerFixtures.mobile();
            String id = CustomerFixtures.idNumber();
            String card = CustomerFixtures.cardNumber();
            String email = CustomerFixtures.email();
            secrets.addAll(List.of(mobile, id, card, email));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", CustomerFixtures.uniqueName("隐私测试"));
            body.put("mobile", mobile);
            body.put("idNumber", id);
            body.put("cardNumber", card);
            body.put("email", email);
            body.put("marketingConsent", true);
            MvcResult r = mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(body))).andExpect(status().isCreated()).andReturn();
            long customerId = JSON.readTree(r.getResponse().getContentAsString()).get("id").asLong();
            // the paths that could leak: a duplicate, a search by value, an unmasking, a bad value, a denial
            mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("name", "重复", "mobile", mobile)))).andExpect(status().isConflict());
            mvc.perform(get("/api/v1/customers").param("idNumber", id).with(as(Role.AGENT))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/customers").param("cardNumber", card).with(as(Role.ANALYST))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/customers/{id}/unmask", customerId).with(as(Role.AGENT))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"核对客户身份信息\"}")).andExpect(status().isOk());
            mvc.perform(post("/customers/{id}/unmask", customerId).with(as(Role.TELLER)).with(csrf()).param("reason", "柜面核实身份"))
                    .andExpect(status().isOk());
            mvc.perform(post("/customers/search").with(as(Role.TELLER)).with(csrf()).param("identifier", mobile))
                    .andExpect(status().isOk());
        }
        String badId = CustomerFixtures.withWrongCheckDigit(CustomerFixtures.idNumber());
        secrets.add(badId);
        mvc.perform(post("/api/v1/customers").with(as(Role.TELLER)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("name", "错误", "idNumber", badId))))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/customers").with(as(Role.TELLER)).with(csrf()).param("name", "表单客户")
                .param("idNumber", badId)).andExpect(status().isOk());
        String formMobile = CustomerFixtures.mobile();
        String formId = CustomerFixtures.idNumber();
        secrets.addAll(List.of(formMobile, formId));
        mvc.perform(post("/customers").with(as(Role.TELLER)).with(csrf()).param("name", CustomerFixtures.uniqueName("表单客户"))
                .param("mobile", formMobile).param("idNumber", formId)).andExpect(status().is3xxRedirection());

        String captured = output.getAll();
        VERBOSE.keySet().forEach(name -> logging.setLogLevel(name, null));
        assertThat(captured).as("captured log output").contains("personal-data scan starts")
                .contains("Setting SQL statement parameter value");
        for (String secret : secrets) {
            assertThat(captured).doesNotContain(secret);
        }
        assertThat(validIdNumbersIn(captured)).as("valid ID numbers in the log output").isEmpty();

        assertThat(columnsHolding(secrets)).as("text columns holding raw personal data").isEmpty();
        assertThat(textColumns()).as("the scan sees the customer tables")
                .contains("customer.name", "customer_identity.value_enc", "audit_record.details");
        assertNotInSurefireOutput(secrets);
    }

    /** Every text column of every table in schema public, as table.column; the same query on H2 and PostgreSQL. */
    private List<String> textColumns() {
        return jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where lower(c.table_schema) = 'public' and t.table_type = 'BASE TABLE'
                  and lower(c.data_type) in ('character varying', 'varchar', 'character', 'char', 'text',
                                             'character large object', 'clob')
                order by c.table_name, c.column_name""")
                .query((rs, n) -> rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase()).list();
    }

    private List<String> columnsHolding(List<String> secrets) {
        List<String> hits = new ArrayList<>();
        for (String column : textColumns()) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            StringBuilder where = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < secrets.size(); i++) {
                where.append(i == 0 ? "" : " or ").append('"').append(name).append("\" like :s").append(i);
                params.put("s" + i, "%" + secrets.get(i) + "%");
            }
            long n = jdbc.sql("select count(*) from \"" + table + "\" where " + where).params(params).query(Long.class).single();
            if (n > 0) {
                hits.add(column);
            }
        }
        return hits;
    }

    private static List<String> validIdNumbersIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ID_LIKE.matcher(text);
        while (m.find()) {
            if (Identifiers.isIdNumber(m.group())) {
                found.add(m.group().substring(0, 6) + "…");
            }
        }
        return found;
    }

    /** Surefire writes each test class's output to target/surefire-reports; read what is there so far. */
    private static void assertNotInSurefireOutput(List<String> secrets) throws IOException {
        for (Path dir : List.of(Path.of("target", "surefire-reports"), Path.of("target", "test-logs"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".log")).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    for (String secret : secrets) {
                        assertThat(text).as(file.toString()).doesNotContain(secret);
                    }
                }
            }
        }
    }
}
