package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.routing.SkillRequirement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queues, wrap-up codes and canned responses in the database. */
@Repository
public class ContactConfigStore {

    private final JdbcClient jdbc;

    ContactConfigStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ContactQueue> queues() {
        Map<String, List<SkillRequirement>> skills = new LinkedHashMap<>();
        jdbc.sql("select queue_code, skill_code, proficiency, optional from contact_queue_skill order by queue_code, skill_code")
                .query(rs -> {
                    skills.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SkillRequirement(rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
                });
        return jdbc.sql("select * from contact_queue order by code").query((rs, n) -> new ContactQueue(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("priority"),
                skills.getOrDefault(rs.getString("code"), List.of()), split(rs.getString("overflow_queues")),
                rs.getInt("sl_seconds"), rs.getInt("sl_percent"), rs.getBoolean("active"))).list();
    }

    public Optional<ContactQueue> queue(String code) {
        return queues().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    boolean queueExists(String code) {
        return jdbc.sql("select count(*) from contact_queue where code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    void insertQueue(ContactQueue q, Instant now) {
        jdbc.sql("""
                insert into contact_queue (code, name_zh, name_en, priority, overflow_queues, sl_seconds, sl_percent, active,
                    created_at) values (:c, :zh, :en, :p, :o, :s, :pc, :a, :now)""")
                .param("c", q.code()).param("zh", q.nameZh()).param("en", q.nameEn()).param("p", q.priority())
                .param("o", String.join(",", q.overflowQueues())).param("s", q.slSeconds()).param("pc", q.slPercent())
                .param("a", q.active()).param("now", ts(now)).update();
        replaceSkills(q);
    }

    void updateQueue(ContactQueue q) {
        jdbc.sql("""
                update contact_queue set name_zh = :zh, name_en = :en, priority = :p, overflow_queues = :o, sl_seconds = :s,
                    sl_percent = :pc, active = :a where code = :c""")
                .param("c", q.code()).param("zh", q.nameZh()).param("en", q.nameEn()).param("p", q.priority())
                .param("o", String.join(",", q.overflowQueues())).param("s", q.slSeconds()).param("pc", q.slPercent())
                .param("a", q.active()).update();
        replaceSkills(q);
    }

    private void replaceSkills(ContactQueue q) {
        jdbc.sql("delete from contact_queue_skill where queue_code = :c").param("c", q.code()).update();
        for (SkillRequirement r : q.skills()) {
            jdbc.sql("insert into contact_queue_skill (queue_code, skill_code, proficiency, optional) values (:c, :s, :l, :o)")
                    .param("c", q.code()).param("s", r.skill()).param("l", r.level()).param("o", r.optional()).update();
        }
    }

    /** A wrap-up code of the reason taxonomy. */
    public record WrapUpCode(String code, String nameZh, String nameEn, boolean resolved, boolean active) {
        public String name(String language) {
            return language != null && language.startsWith("en") ? nameEn : nameZh;
        }
    }

    public List<WrapUpCode> wrapUpCodes() {
        return jdbc.sql("select * from contact_wrap_up_code order by code").query((rs, n) -> new WrapUpCode(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getBoolean("resolved"),
                rs.getBoolean("active"))).list();
    }

    void upsertWrapUpCode(WrapUpCode w) {
        int n = jdbc.sql("update contact_wrap_up_code set name_zh = :zh, name_en = :en, resolved = :r, active = :a where code = :c")
                .param("c", w.code()).param("zh", w.nameZh()).param("en", w.nameEn()).param("r", w.resolved())
                .param("a", w.active()).update();
        if (n == 0) {
            jdbc.sql("insert into contact_wrap_up_code (code, name_zh, name_en, resolved, active) values (:c, :zh, :en, :r, :a)")
                    .param("c", w.code()).param("zh", w.nameZh()).param("en", w.nameEn()).param("r", w.resolved())
                    .param("a", w.active()).update();
        }
    }

    /** A canned response in one language, with variables {customer}, {agent} and {bank}. */
    public record CannedResponse(String code, String language, String title, String body) {
    }

    public List<CannedResponse> cannedResponses(String language) {
        return jdbc.sql("select * from contact_canned_response where language = :l order by code").param("l", language)
                .query((rs, n) -> new CannedResponse(rs.getString("code"), rs.getString("language"), rs.getString("title"),
                        rs.getString("body"))).list();
    }

    void upsertCannedResponse(CannedResponse c) {
        int n = jdbc.sql("update contact_canned_response set title = :t, body = :b where code = :c and language = :l")
                .param("c", c.code()).param("l", c.language()).param("t", c.title()).param("b", c.body()).update();
        if (n == 0) {
            jdbc.sql("insert into contact_canned_response (code, language, title, body) values (:c, :l, :t, :b)")
                    .param("c", c.code()).param("l", c.language()).param("t", c.title()).param("b", c.body()).update();
        }
    }

    boolean deleteCannedResponse(String code, String language) {
        return jdbc.sql("delete from contact_canned_response where code = :c and language = :l").param("c", code)
                .param("l", language).update() > 0;
    }

    public List<MacroPolicy.Macro> macros(String language) {
        return jdbc.sql("select * from contact_macro where language = :l order by code").param("l", language)
                .query((rs, n) -> macro(rs)).list();
    }

    public java.util.Optional<MacroPolicy.Macro> macro(String code, String language) {
        return jdbc.sql("select * from contact_macro where code = :c and language = :l").param("c", code).param("l", language)
                .query((rs, n) -> macro(rs)).optional();
    }

    private static MacroPolicy.Macro macro(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MacroPolicy.Macro(rs.getString("code"), rs.getString("language"), rs.getString("title"),
                rs.getString("reply_body"), rs.getString("note_body"), rs.getString("transfer_queue"),
                rs.getString("wrap_up_code"));
    }

    void upsertMacro(MacroPolicy.Macro m, java.time.Instant now) {
        int n = jdbc.sql("""
                update contact_macro set title = :t, reply_body = :r, note_body = :n, transfer_queue = :q, wrap_up_code = :w,
                       updated_at = :u where code = :c and language = :l""")
                .param("c", m.code()).param("l", m.language()).param("t", m.title()).param("r", m.reply()).param("n", m.note())
                .param("q", m.transferQueue()).param("w", m.wrapUpCode()).param("u", org.fuwu.platform.SqlTimes.ts(now)).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into contact_macro (code, language, title, reply_body, note_body, transfer_queue, wrap_up_code, updated_at)
                    values (:c, :l, :t, :r, :n, :q, :w, :u)""")
                    .param("c", m.code()).param("l", m.language()).param("t", m.title()).param("r", m.reply())
                    .param("n", m.note()).param("q", m.transferQueue()).param("w", m.wrapUpCode())
                    .param("u", org.fuwu.platform.SqlTimes.ts(now)).update();
        }
    }

    boolean deleteMacro(String code, String language) {
        return jdbc.sql("delete from contact_macro where code = :c and language = :l").param("c", code).param("l", language)
                .update() > 0;
    }

    static Set<String> split(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
