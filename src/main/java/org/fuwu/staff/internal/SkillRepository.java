package org.fuwu.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The skill catalogue. */
@Repository
public class SkillRepository {

    private final JdbcClient jdbc;

    public SkillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Skill> all() {
        return jdbc.sql("select code, name_zh, name_en from staff_skill order by code")
                .query((rs, n) -> new Skill(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    public Optional<Skill> find(String code) {
        return jdbc.sql("select code, name_zh, name_en from staff_skill where code = :c").param("c", code)
                .query((rs, n) -> new Skill(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
                .optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from staff_skill where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    public void insert(Skill s, Instant now) {
        jdbc.sql("insert into staff_skill (code, name_zh, name_en, created_at) values (:c, :zh, :en, :now)")
                .param("c", s.code()).param("zh", s.nameZh()).param("en", s.nameEn()).param("now", Timestamp.from(now))
                .update();
    }

    public boolean update(Skill s) {
        return jdbc.sql("update staff_skill set name_zh = :zh, name_en = :en where code = :c")
                .param("c", s.code()).param("zh", s.nameZh()).param("en", s.nameEn()).update() > 0;
    }
}
