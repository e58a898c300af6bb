package org.fuwu.queueing;

import static org.fuwu.platform.StaffFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.fuwu.platform.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The lobby tests' fixture: a fresh branch (through organization's API) with service types and a matrix. */
final class QueueingTestSupport {

    private QueueingTestSupport() {
    }

    static String uniqueCode(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < prefix.length() + 6) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A new branch in region R01 with services A (cash, 4 min) and B (non-cash, 6 min); counters C01 (A) and C02 (A, B). */
    static String lobby(MockMvc mvc) throws Exception {
        String code = uniqueCode("QB");
        mvc.perform(post("/api/v1/branches").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","nameZh":"排队测试支行","nameEn":"Queue Test Sub-branch","regionCode":"R01",
                 "addressZh":"上海市静安区南京西路1号","addressEn":"1 Nanjing West Road, Shanghai",
                 "latitude":31.2304,"longitude":121.4737,"phone":"021-6000 0000"}""".formatted(code)))
                .andExpect(status().isCreated());
        service(mvc, code, "A", "A", "现金业务", "Cash", 4);
        service(mvc, code, "B", "B", "非现金业务", "Non-cash", 6);
        counter(mvc, code, "C01", "[\"A\"]");
        counter(mvc, code, "C02", "[\"A\",\"B\"]");
        return code;
    }

    static void service(MockMvc mvc, String branch, String code, String prefix, String zh, String en, int minutes)
            throws Exception {
        mvc.perform(post("/api/v1/branches/" + branch + "/services").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"%s","nameZh":"%s","nameEn":"%s","zoneCode":"Z01","prefix":"%s",
                                 "targetWaitMinutes":15,"expectedServiceMinutes":%d}""".formatted(code, zh, en, prefix, minutes)))
                .andExpect(status().isCreated());
    }

    static void counter(MockMvc mvc, String branch, String counter, String servicesJson) throws Exception {
        mvc.perform(put("/api/v1/branches/" + branch + "/counter-services/" + counter).with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"serviceCodes\":" + servicesJson + "}"))
                .andExpect(status().isOk());
    }
}
