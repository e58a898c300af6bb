package org.fuwu.knowledge.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Entries, their versions, categories, synonyms and feedback in the database. */
@Repository
public class KnowledgeStore {

    /** An entry's working copy with its workflow state and counters. */
    public record EntryRow(long id, String kind, String language, String status, Long categoryId, String category,
                           String question, List<String> similarQuestions, String answerHtml, List<String> products,
                           List<String> channels, LocalDate validFrom, LocalDate validUntil, String owner, String editedBy,
                           String submittedBy, String reviewNote, Integer liveVersion, long views, long uses,
                           Instant createdAt, Instant updatedAt) {
    }

    /** A published version: the text as it went live. */
    public record VersionRow(long entryId, int versionNo, String kind, String language, Long categoryId, String category,
                             String question, List<String> similarQuestions, String answerHtml, List<String> products,
                             List<String> channels, LocalDate validFrom, LocalDate validUntil, String owner, String editedBy,
                             String publishedBy, Instant publishedAt, Integer rolledBackFrom) {
    }

    public record CategoryRow(long id, String code, Long parentId, String parentCode, String nameZh, String nameEn, int position) {
    }

    public record SynonymRow(long id, String language, String terms, String updatedBy, Instant updatedAt) {
    }

    public record FeedbackCounts(long helpful, long notHelpful) {
    }

    private static final String ENTRY = """
            select e.*, c.code as category_code from knowledge_entry e left join knowledge_category c on c.id = e.category_id""";

    private static final String VERSION = """
            select v.*, c.code as category_code from knowledge_entry_version v left join knowledge_category c on c.id = v.category_id""";

    private final JdbcClient jdbc;

    KnowledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(EntryRules.Checked e, Long categoryId, String status, String editedBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into knowledge_entry (kind, language, status, category_id, question, similar_questions, answer_html, products,
                    channels, valid_from, valid_until, owner, edited_by, live_changed_at, created_at, updated_at)
                values (:kind, :lang, :status, :cat, :q, :sim, :a, :p, :ch, :vf, :vu, :owner, :by, :now, :now, :now)""")
                .param("kind", e.kind()).param("lang", e.language()).param("status", status).param("cat", categoryId)
                .param("q", e.question()).param("sim", String.join("\n", e.similarQuestions())).param("a", e.answerHtml())
                .param("p", String.join(",", e.products())).param("ch", String.join(",", e.channels()))
                .param("vf", e.validFrom()).param("vu", e.validUntil()).param("owner", e.owner()).param("by", editedBy)
                .param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Replaces the working copy, if the entry is still in the status read; false when it moved on meanwhile. */
    boolean update(long id, String expectedStatus, EntryRules.Checked e, Long categoryId, String status, String editedBy, Instant now) {
        return jdbc.sql("""
                update knowledge_entry set kind = :kind, language = :lang, status = :status, category_id = :cat, question = :q,
                    similar_questions = :sim, answer_html = :a, products = :p, channels = :ch, valid_from = :vf, valid_until = :vu,
                    owner = :owner, edited_by = :by, submitted_by = null, updated_at = :now, version = version + 1
                where id = :id and status = :expected""")
                .param("kind", e.kind()).param("lang", e.language()).param("status", status).param("cat", categoryId)
                .param("q", e.question()).param("sim", String.join("\n", e.similarQuestions())).param("a", e.answerHtml())
                .param("p", String.join(",", e.products())).param("ch", String.join(",", e.channels()))
                .param("vf", e.validFrom()).param("vu", e.validUntil()).param("owner", e.owner()).param("by", editedBy)
                .param("now", ts(now)).param("id", id).param("expected", expectedStatus).update() == 1;
    }

    /** Moves the workflow status; false when the entry was not in the expected status. */
    boolean move(long id, String from, String to, String submittedBy, String reviewNote, Instant now) {
        return jdbc.sql("""
                update knowledge_entry set status = :to, submitted_by = :sub, review_note = :note, updated_at = :now,
                    version = version + 1 where id = :id and status = :from""")
                .param("to", to).param("sub", submittedBy).param("note", reviewNote).param("now", ts(now)).param("id", id)
                .param("from", from).update() == 1;
    }

    /** Sets the live version (null: none) and the status, after the status read; false when it moved on. */
    boolean goLive(long id, String from, String to, Integer liveVersion, Instant now) {
        return jdbc.sql("""
                update knowledge_entry set status = :to, live_version = :v, live_changed_at = :now, updated_at = :now,
                    version = version + 1 where id = :id and status = :from""")
                .param("to", to).param("v", liveVersion).param("now", ts(now)).param("id", id).param("from", from).update() == 1;
    }

    /** Copies a version's text into the working copy (a rollback). */
    void restoreWorkingCopy(long id, VersionRow v, Instant now) {
        jdbc.sql("""
                update knowledge_entry set kind = :kind, language = :lang, category_id = :cat, question = :q, similar_questions = :sim,
                    answer_html = :a, products = :p, channels = :ch, valid_from = :vf, valid_until = :vu, owner = :owner,
                    edited_by = :by, submitted_by = null, updated_at = :now where id = :id""")
                .param("kind", v.kind()).param("lang", v.language()).param("cat", v.categoryId()).param("q", v.question())
                .param("sim", String.join("\n", v.similarQuestions())).param("a", v.answerHtml())
                .param("p", String.join(",", v.products())).param("ch", String.join(",", v.channels()))
                .param("vf", v.validFrom()).param("vu", v.validUntil()).param("owner", v.owner()).param("by", v.editedBy())
                .param("now", ts(now)).param("id", id).update();
    }

    int latestVersion(long entryId) {
        return jdbc.sql("select coalesce(max(version_no), 0) from knowledge_entry_version where entry_id = :id").param("id", entryId)
                .query(Integer.class).single();
    }

    void insertVersion(EntryRow e, int versionNo, String publishedBy, Integer rolledBackFrom, Instant now) {
        jdbc.sql("""
                insert into knowledge_entry_version (entry_id, version_no, kind, language, category_id, question, similar_questions,
                    answer_html, products, channels, valid_from, valid_until, owner, edited_by, published_by, published_at,
                    rolled_back_from)
                values (:id, :n, :kind, :lang, :cat, :q, :sim, :a, :p, :ch, :vf, :vu, :owner, :by, :pub, :now, :rb)""")
                .param("id", e.id()).param("n", versionNo).param("kind", e.kind()).param("lang", e.language())
                .param("cat", e.categoryId()).param("q", e.question()).param("sim", String.join("\n", e.similarQuestions()))
                .param("a", e.answerHtml()).param("p", String.join(",", e.products())).param("ch", String.join(",", e.channels()))
                .param("vf", e.validFrom()).param("vu", e.validUntil()).param("owner", e.owner()).param("by", e.editedBy())
                .param("pub", publishedBy).param("now", ts(now)).param("rb", rolledBackFrom).update();
    }

    public Optional<EntryRow> find(long id) {
        return jdbc.sql(ENTRY + " where e.id = :id").param("id", id).query(KnowledgeStore::entry).optional();
    }

    /** The working copies, newest change first, filtered by status, language and category (with its subtree). */
    public List<EntryRow> list(String status, String language, List<Long> categoryIds, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) {
            where.append(" and e.status = :s");
        }
        if (language != null) {
            where.append(" and e.language = :l");
        }
        if (categoryIds != null) {
            where.append(categoryIds.isEmpty() ? " and 1 = 0" : " and e.category_id in (:cats)");
        }
        var q = jdbc.sql(ENTRY + where + " order by e.updated_at desc, e.id desc limit :n").param("n", limit);
        if (status != null) {
            q = q.param("s", status);
        }
        if (language != null) {
            q = q.param("l", language);
        }
        if (categoryIds != null && !categoryIds.isEmpty()) {
            q = q.param("cats", categoryIds);
        }
        return q.query(KnowledgeStore::entry).list();
    }

    public List<EntryRow> all() {
        return jdbc.sql(ENTRY + " order by e.id").query(KnowledgeStore::entry).list();
    }

    public List<VersionRow> versions(long entryId) {
        return jdbc.sql(VERSION + " where v.entry_id = :id order by v.version_no desc").param("id", entryId)
                .query(KnowledgeStore::version).list();
    }

    public Optional<VersionRow> version(long entryId, int versionNo) {
        return jdbc.sql(VERSION + " where v.entry_id = :id and v.version_no = :n").param("id", entryId).param("n", versionNo)
                .query(KnowledgeStore::version).optional();
    }

    /** The live version of every entry that has one. */
    public List<VersionRow> liveVersions() {
        return jdbc.sql(VERSION + " join knowledge_entry e on e.id = v.entry_id and e.live_version = v.version_no")
                .query(KnowledgeStore::version).list();
    }

    /** Entries whose live version changed at or after a moment (published, rolled back, unpublished). */
    public List<Long> liveChangedSince(Instant since) {
        return jdbc.sql("select id from knowledge_entry where live_changed_at >= :t").param("t", ts(since)).query(Long.class).list();
    }

    public Optional<VersionRow> live(long entryId) {
        return jdbc.sql(VERSION + " join knowledge_entry e on e.id = v.entry_id and e.live_version = v.version_no where e.id = :id")
                .param("id", entryId).query(KnowledgeStore::version).optional();
    }

    boolean count(long entryId, String column) {
        return jdbc.sql("update knowledge_entry set " + column + " = " + column + " + 1 where id = :id").param("id", entryId).update() == 1;
    }

    // categories

    public List<CategoryRow> categories() {
        return jdbc.sql("""
                select c.*, p.code as parent_code from knowledge_category c left join knowledge_category p on p.id = c.parent_id
                order by c.position, c.code""").query((rs, i) -> new CategoryRow(rs.getLong("id"), rs.getString("code"),
                (Long) rs.getObject("parent_id", Long.class), rs.getString("parent_code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getInt("position"))).list();
    }

    Optional<Long> categoryId(String code) {
        return jdbc.sql("select id from knowledge_category where code = :c").param("c", code).query(Long.class).optional();
    }

    void insertCategory(String code, Long parentId, String nameZh, String nameEn, int position) {
        jdbc.sql("insert into knowledge_category (code, parent_id, name_zh, name_en, position) values (:c, :p, :zh, :en, :pos)")
                .param("c", code).param("p", parentId).param("zh", nameZh).param("en", nameEn).param("pos", position).update();
    }

    void updateCategory(long id, Long parentId, String nameZh, String nameEn, int position) {
        jdbc.sql("update knowledge_category set parent_id = :p, name_zh = :zh, name_en = :en, position = :pos where id = :id")
                .param("p", parentId).param("zh", nameZh).param("en", nameEn).param("pos", position).param("id", id).update();
    }

    // synonyms

    public List<SynonymRow> synonyms() {
        return jdbc.sql("select * from knowledge_synonym order by language, id").query((rs, i) -> new SynonymRow(rs.getLong("id"),
                rs.getString("language"), rs.getString("terms"), rs.getString("updated_by"), instant(rs, "updated_at"))).list();
    }

    long insertSynonym(String language, String terms, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into knowledge_synonym (language, terms, updated_by, updated_at) values (:l, :t, :by, :now)")
                .param("l", language).param("t", terms).param("by", by).param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean updateSynonym(long id, String language, String terms, String by, Instant now) {
        return jdbc.sql("update knowledge_synonym set language = :l, terms = :t, updated_by = :by, updated_at = :now where id = :id")
                .param("l", language).param("t", terms).param("by", by).param("now", ts(now)).param("id", id).update() == 1;
    }

    boolean deleteSynonym(long id) {
        return jdbc.sql("delete from knowledge_synonym where id = :id").param("id", id).update() == 1;
    }

    // feedback

    void insertFeedback(long entryId, String source, String channel, boolean helpful, String commentEnc, Instant now) {
        jdbc.sql("""
                insert into knowledge_feedback (entry_id, source, channel, helpful, comment_enc, created_at)
                values (:e, :s, :c, :h, :m, :now)""").param("e", entryId).param("s", source).param("c", channel).param("h", helpful)
                .param("m", commentEnc).param("now", ts(now)).update();
    }

    public FeedbackCounts feedback(long entryId) {
        return jdbc.sql("""
                select coalesce(sum(case when helpful then 1 else 0 end), 0) as yes,
                       coalesce(sum(case when helpful then 0 else 1 end), 0) as no
                from knowledge_feedback where entry_id = :e""").param("e", entryId)
                .query((rs, i) -> new FeedbackCounts(rs.getLong("yes"), rs.getLong("no"))).single();
    }

    private static List<String> lines(String s, String sep) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(sep));
    }

    private static EntryRow entry(ResultSet rs, int i) throws SQLException {
        return new EntryRow(rs.getLong("id"), rs.getString("kind"), rs.getString("language"), rs.getString("status"),
                rs.getObject("category_id", Long.class), rs.getString("category_code"), rs.getString("question"),
                lines(rs.getString("similar_questions"), "\n"), rs.getString("answer_html"), lines(rs.getString("products"), ","),
                lines(rs.getString("channels"), ","), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("owner"), rs.getString("edited_by"),
                rs.getString("submitted_by"), rs.getString("review_note"), rs.getObject("live_version", Integer.class),
                rs.getLong("view_count"), rs.getLong("use_count"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static VersionRow version(ResultSet rs, int i) throws SQLException {
        return new VersionRow(rs.getLong("entry_id"), rs.getInt("version_no"), rs.getString("kind"), rs.getString("language"),
                rs.getObject("category_id", Long.class), rs.getString("category_code"), rs.getString("question"),
                lines(rs.getString("similar_questions"), "\n"), rs.getString("answer_html"), lines(rs.getString("products"), ","),
                lines(rs.getString("channels"), ","), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("owner"), rs.getString("edited_by"),
                rs.getString("published_by"), instant(rs, "published_at"), rs.getObject("rolled_back_from", Integer.class));
    }
}
