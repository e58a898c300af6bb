package org.fuwu.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fuwu.knowledge.KnowledgeEntryPublished;
import org.fuwu.knowledge.KnowledgeEntryWithdrawn;
import org.fuwu.knowledge.internal.EditorialWorkflow.Status;
import org.fuwu.knowledge.internal.EntryRules.Checked;
import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.knowledge.internal.KnowledgeStore.CategoryRow;
import org.fuwu.knowledge.internal.KnowledgeStore.EntryRow;
import org.fuwu.knowledge.internal.KnowledgeStore.SynonymRow;
import org.fuwu.knowledge.internal.KnowledgeStore.VersionRow;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing and reviewing the knowledge base: entries and their workflow ({@link EditorialWorkflow}), versions and
 * rollback, categories, the synonym dictionary and feedback. Every change is audited in its transaction; the index
 * follows each change of a live version after the commit.
 */
@Service
public class KnowledgeService {

    public static final Set<String> FEEDBACK_SOURCES = Set.of("CUSTOMER", "AGENT");

    /** A published version as the history lists it. */
    public record VersionView(int version, String question, String editedBy, String publishedBy, Instant publishedAt,
                              Integer rolledBackFrom) {
    }

    /** An entry as the editor and the API show it: the working copy, its workflow state, counters and history. */
    public record EntryView(long id, String kind, String language, String status, String category, String question,
                            List<String> similarQuestions, String answerHtml, List<String> products, List<String> channels,
                            LocalDate validFrom, LocalDate validUntil, String owner, String editedBy, String submittedBy,
                            String reviewNote, Integer liveVersion, long views, long uses, long helpful, long notHelpful,
                            Instant updatedAt, List<VersionView> versions) {
    }

    /** A line of the entry list. */
    public record EntryLine(long id, String kind, String language, String status, String category, String question,
                            Integer liveVersion, String owner, Instant updatedAt) {
    }

    /** A category in tree order, with its depth (0 for a root). */
    public record CategoryNode(String code, String parent, String nameZh, String nameEn, int position, int depth) {
    }

    public record Synonym(long id, String language, List<String> terms, String updatedBy, Instant updatedAt) {
    }

    private final KnowledgeStore store;
    private final KnowledgeIndex index;
    private final AuditLog audit;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final java.time.ZoneId zone;

    KnowledgeService(KnowledgeStore store, KnowledgeIndex index, AuditLog audit, PersonalData personalData,
                     ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txManager,
                     @org.springframework.beans.factory.annotation.Value("${fuwu.knowledge.zone:Asia/Shanghai}") java.time.ZoneId zone) {
        this.zone = zone;
        this.store = store;
        this.index = index;
        this.audit = audit;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The acting staff member's login: who wrote, submitted or reviewed. */
    static String who() {
        return CurrentStaff.find().map(StaffPrincipal::username).orElse("system");
    }

    private boolean categoryExists(String code) {
        return store.categoryId(code).isPresent();
    }

    private Long categoryId(Checked c) {
        return c.category() == null ? null : store.categoryId(c.category()).orElse(null);
    }

    // entries

    /** Checks an entry's fields without writing anything: the broken ones, or none. */
    public List<FieldError> problems(EntryInput in) {
        List<FieldError> errors = new ArrayList<>();
        EntryRules.check(in, "", who(), this::categoryExists, errors);
        return errors;
    }

    /** Writes a new draft. */
    public long create(EntryInput in) {
        Checked c = EntryRules.check(in, "", who(), this::categoryExists);
        return tx.execute(s -> insert(c));
    }

    private long insert(Checked c) {
        long id = store.insert(c, categoryId(c), Status.DRAFT.name(), who(), clock.instant());
        audit.success("knowledge.entry.create", "knowledge-entry:" + id, Map.of("language", c.language(), "kind", c.kind()));
        return id;
    }

    /** Replaces the working copy; a published entry gets a new draft while its live version stays live. */
    public EntryView update(long id, EntryInput in) {
        Checked c = EntryRules.check(in, "", who(), this::categoryExists);
        tx.executeWithoutResult(s -> replace(id, c));
        return view(id);
    }

    private void replace(long id, Checked c) {
        EntryRow e = entry(id);
        Status next = step(() -> EditorialWorkflow.edit(Status.valueOf(e.status())));
        if (!store.update(id, e.status(), c, categoryId(c), next.name(), who(), clock.instant())) {
            throw new ConflictException("knowledge.conflict.moved");
        }
        audit.success("knowledge.entry.edit", "knowledge-entry:" + id, Map.of("status", next.name()));
    }

    public EntryView submit(long id) {
        tx.executeWithoutResult(s -> {
            EntryRow e = entry(id);
            Status next = step(() -> EditorialWorkflow.submit(Status.valueOf(e.status())));
            move(e, next, who(), null);
            audit.success("knowledge.entry.submit", "knowledge-entry:" + id);
        });
        return view(id);
    }

    public EntryView reject(long id, String note) {
        if (note != null && note.length() > 2000) {
            throw FieldValidationException.of("note", "knowledge.validation.note");
        }
        tx.executeWithoutResult(s -> {
            EntryRow e = entry(id);
            Status next = step(() -> EditorialWorkflow.reject(Status.valueOf(e.status()), who(), e.editedBy(), e.submittedBy()));
            move(e, next, null, note == null || note.isBlank() ? null : note.strip());
            audit.success("knowledge.entry.reject", "knowledge-entry:" + id);
        });
        return view(id);
    }

    /** Publishes the text in review as the next version; it goes live at once. */
    public EntryView approve(long id) {
        KnowledgeEntryPublished published = tx.execute(s -> {
            EntryRow e = entry(id);
            Status next = step(() -> EditorialWorkflow.approve(Status.valueOf(e.status()), who(), e.editedBy(), e.submittedBy()));
            int version = store.latestVersion(id) + 1;
            Instant now = clock.instant();
            store.insertVersion(e, version, who(), null, now);
            if (!store.goLive(id, e.status(), next.name(), version, now)) {
                throw new ConflictException("knowledge.conflict.moved");
            }
            audit.success("knowledge.entry.publish", "knowledge-entry:" + id, Map.of("version", Integer.toString(version)));
            var event = new KnowledgeEntryPublished(id, version, e.language());
            events.publishEvent(event);
            return event;
        });
        index.reindex(published.entryId());
        return view(id);
    }

    /** Takes a live entry off every channel; its versions stay for a later rollback. */
    public EntryView unpublish(long id) {
        tx.executeWithoutResult(s -> {
            EntryRow e = entry(id);
            Status next = step(() -> EditorialWorkflow.unpublish(Status.valueOf(e.status()), e.liveVersion()));
            if (!store.goLive(id, e.status(), next.name(), null, clock.instant())) {
                throw new ConflictException("knowledge.conflict.moved");
            }
            audit.success("knowledge.entry.unpublish", "knowledge-entry:" + id);
            events.publishEvent(new KnowledgeEntryWithdrawn(id));
        });
        index.reindex(id);
        return view(id);
    }

    /** Publishes the text of an earlier version again, as a new version (the history keeps every publication). */
    public EntryView rollback(long id, int target) {
        tx.executeWithoutResult(s -> {
            EntryRow e = entry(id);
            int latest = store.latestVersion(id);
            Status next = step(() -> EditorialWorkflow.rollback(Status.valueOf(e.status()), target, latest, e.liveVersion()));
            VersionRow v = store.version(id, target).orElseThrow(() -> new ConflictException("knowledge.conflict.noSuchVersion"));
            Instant now = clock.instant();
            store.restoreWorkingCopy(id, v, now);
            EntryRow restored = entry(id);
            int version = latest + 1;
            store.insertVersion(restored, version, who(), target, now);
            if (!store.goLive(id, e.status(), next.name(), version, now)) {
                throw new ConflictException("knowledge.conflict.moved");
            }
            audit.success("knowledge.entry.rollback", "knowledge-entry:" + id,
                    Map.of("to", Integer.toString(target), "version", Integer.toString(version)));
            events.publishEvent(new KnowledgeEntryPublished(id, version, restored.language()));
        });
        index.reindex(id);
        return view(id);
    }

    private void move(EntryRow e, Status next, String submittedBy, String note) {
        if (!store.move(e.id(), e.status(), next.name(), submittedBy, note, clock.instant())) {
            throw new ConflictException("knowledge.conflict.moved");
        }
    }

    private static Status step(java.util.function.Supplier<Status> transition) {
        try {
            return transition.get();
        } catch (EditorialWorkflow.Refused r) {
            throw new ConflictException(r.messageKey());
        }
    }

    EntryRow entry(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("knowledge-entry", id));
    }

    public EntryView view(long id) {
        EntryRow e = entry(id);
        var fb = store.feedback(id);
        List<VersionView> versions = store.versions(id).stream()
                .map(v -> new VersionView(v.versionNo(), v.question(), v.editedBy(), v.publishedBy(), v.publishedAt(), v.rolledBackFrom()))
                .toList();
        return new EntryView(e.id(), e.kind(), e.language(), e.status(), e.category(), e.question(), e.similarQuestions(),
                e.answerHtml(), e.products(), e.channels(), e.validFrom(), e.validUntil(), e.owner(), e.editedBy(), e.submittedBy(),
                e.reviewNote(), e.liveVersion(), e.views(), e.uses(), fb.helpful(), fb.notHelpful(), e.updatedAt(), versions);
    }

    /** A published version's full text. */
    public VersionRow version(long id, int versionNo) {
        entry(id);
        return store.version(id, versionNo).orElseThrow(() -> new NotFoundException("knowledge-version", id + "/" + versionNo));
    }

    /** The entries, filtered; a category includes its subtree. */
    public List<EntryLine> list(String status, String language, String category) {
        String s = null;
        if (status != null && !status.isBlank()) {
            s = status.strip().toUpperCase(Locale.ROOT);
            try {
                Status.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw FieldValidationException.of("status", "knowledge.validation.status");
            }
        }
        String l = null;
        if (language != null && !language.isBlank()) {
            l = LanguageDetection.normalise(language);
            if (l == null) {
                throw FieldValidationException.of("language", "knowledge.validation.language");
            }
        }
        List<Long> cats = null;
        if (category != null && !category.isBlank()) {
            cats = subtree(category.strip().toUpperCase(Locale.ROOT));
        }
        return store.list(s, l, cats, 500).stream().map(e -> new EntryLine(e.id(), e.kind(), e.language(), e.status(), e.category(),
                e.question(), e.liveVersion(), e.owner(), e.updatedAt())).toList();
    }

    public List<EntryRow> allEntries() {
        return store.all();
    }

    private List<Long> subtree(String code) {
        List<CategoryRow> all = store.categories();
        CategoryRow root = all.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> FieldValidationException.of("category", "knowledge.validation.category"));
        List<Long> ids = new ArrayList<>(List.of(root.id()));
        for (int i = 0; i < ids.size(); i++) {
            long parent = ids.get(i);
            all.stream().filter(c -> c.parentId() != null && c.parentId() == parent).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    // the published text for channels, and feedback

    /** The live text of an entry for a channel, counted as a view; 404 when it is not live there today. */
    public VersionRow answer(long id, String channel) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        String ch = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (ch != null && !org.fuwu.knowledge.KnowledgeSearch.CHANNELS.contains(ch)) {
            throw FieldValidationException.of("channel", "knowledge.validation.channel",
                    String.join(", ", org.fuwu.knowledge.KnowledgeSearch.CHANNELS));
        }
        VersionRow v = store.live(id).filter(l -> ch == null || l.channels().contains(ch))
                .filter(l -> (l.validFrom() == null || !today.isBefore(l.validFrom())) && (l.validUntil() == null || !today.isAfter(l.validUntil())))
                .orElseThrow(() -> new NotFoundException("knowledge-answer", id));
        store.count(id, "view_count");
        return v;
    }

    /** A helpful or not-helpful mark from a customer or an agent; the comment may hold personal data and is encrypted. */
    public KnowledgeStore.FeedbackCounts feedback(long id, String source, String channel, Boolean helpful, String comment) {
        String src = source == null ? "" : source.strip().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!FEEDBACK_SOURCES.contains(src)) {
            errors.add(new FieldError("source", "knowledge.validation.source"));
        }
        if (helpful == null) {
            errors.add(new FieldError("helpful", "knowledge.validation.helpful"));
        }
        String ch = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (ch != null && !org.fuwu.knowledge.KnowledgeSearch.CHANNELS.contains(ch)) {
            errors.add(new FieldError("channel", "knowledge.validation.channel", String.join(", ", org.fuwu.knowledge.KnowledgeSearch.CHANNELS)));
        }
        if (comment != null && comment.length() > 1000) {
            errors.add(new FieldError("comment", "knowledge.validation.comment"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        entry(id);
        tx.executeWithoutResult(s -> {
            store.insertFeedback(id, src, ch, helpful, comment == null || comment.isBlank() ? null : personalData.encrypt(comment.strip()),
                    clock.instant());
            audit.success("knowledge.feedback", "knowledge-entry:" + id, Map.of("source", src, "helpful", helpful.toString()));
        });
        return store.feedback(id);
    }

    /**
     * The demo bank's entries: written by one demo author and published by another, as the workflow demands, in one
     * transaction, as version 1. Only the demo loader calls this.
     */
    long publishDemo(EntryInput in, String author, String reviewer) {
        Checked c = EntryRules.check(in, "", author, this::categoryExists);
        long id = tx.execute(s -> {
            Instant now = clock.instant();
            long created = store.insert(c, categoryId(c), Status.DRAFT.name(), author, now);
            EntryRow e = entry(created);
            store.insertVersion(e, 1, reviewer, null, now);
            store.goLive(created, Status.DRAFT.name(), Status.PUBLISHED.name(), 1, now);
            audit.success("knowledge.entry.publish", "knowledge-entry:" + created, Map.of("version", "1", "demo", "true"));
            return created;
        });
        index.reindex(id);
        return id;
    }

    /** The demo bank's draft in review, written and submitted by the demo author. */
    void draftInReviewDemo(Checked c, String author) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            long id = store.insert(c, categoryId(c), Status.DRAFT.name(), author, now);
            store.move(id, Status.DRAFT.name(), Status.IN_REVIEW.name(), author, null, now);
            audit.success("knowledge.entry.create", "knowledge-entry:" + id, Map.of("demo", "true"));
        });
    }

    // import

    /** One row of an import: its number in the file, the entry to update (null: a new draft) and its text. */
    public record ImportRow(int row, Long id, EntryInput input) {
    }

    /**
     * Checks every row first and answers every broken field by row ({@code rows[3].question}, rows counted from 1);
     * only when all rows pass are they written, in one transaction: new drafts, and updates of the named entries'
     * working copies (which become drafts and go through review again).
     */
    public Map<String, Integer> importRows(List<ImportRow> rows) {
        if (rows.isEmpty()) {
            throw FieldValidationException.of("file", "knowledge.validation.emptyImport");
        }
        if (rows.size() > 5000) {
            throw FieldValidationException.of("file", "knowledge.validation.importSize");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Boolean> categories = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            String prefix = "rows[" + r.row() + "].";
            checked.add(EntryRules.check(r.input(), prefix, who(), c -> categories.computeIfAbsent(c, this::categoryExists), errors));
            if (r.id() != null) {
                Optional<EntryRow> e = store.find(r.id());
                if (e.isEmpty()) {
                    errors.add(new FieldError(prefix + "id", "knowledge.validation.importId"));
                } else if (Status.IN_REVIEW.name().equals(e.get().status())) {
                    errors.add(new FieldError(prefix + "id", "knowledge.validation.importInReview"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("created", 0, "updated", 0));
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == null) {
                    insert(checked.get(i));
                    counts.merge("created", 1, Integer::sum);
                } else {
                    replace(rows.get(i).id(), checked.get(i));
                    counts.merge("updated", 1, Integer::sum);
                }
            }
            audit.success("knowledge.import", "knowledge", Map.of("created", counts.get("created").toString(),
                    "updated", counts.get("updated").toString()));
        });
        return counts;
    }

    // categories

    public List<CategoryNode> categories() {
        List<CategoryRow> all = store.categories();
        List<CategoryNode> out = new ArrayList<>();
        all.stream().filter(c -> c.parentId() == null).forEach(c -> walk(c, 0, all, out));
        return out;
    }

    private void walk(CategoryRow c, int depth, List<CategoryRow> all, List<CategoryNode> out) {
        out.add(new CategoryNode(c.code(), c.parentCode(), c.nameZh(), c.nameEn(), c.position(), depth));
        if (depth < 20) {
            all.stream().filter(x -> x.parentId() != null && x.parentId() == c.id()).forEach(x -> walk(x, depth + 1, all, out));
        }
    }

    /** Creates or changes a category; a parent must exist and may not be the category itself or below it. */
    public void putCategory(String code, String parent, String nameZh, String nameEn, Integer position) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!c.matches("[A-Z0-9_-]{1,40}")) {
            errors.add(new FieldError("code", "knowledge.validation.categoryCode"));
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 100) {
            errors.add(new FieldError("nameZh", "knowledge.validation.categoryName"));
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 100) {
            errors.add(new FieldError("nameEn", "knowledge.validation.categoryName"));
        }
        String p = parent == null || parent.isBlank() ? null : parent.strip().toUpperCase(Locale.ROOT);
        List<CategoryRow> all = store.categories();
        Long parentId = null;
        if (p != null) {
            var pr = all.stream().filter(x -> x.code().equals(p)).findFirst();
            if (pr.isEmpty()) {
                errors.add(new FieldError("parent", "knowledge.validation.parent"));
            } else {
                parentId = pr.get().id();
                // walk up from the parent: meeting the category itself would make a cycle
                for (CategoryRow at = pr.get(); at != null; ) {
                    if (at.code().equals(c)) {
                        errors.add(new FieldError("parent", "knowledge.validation.parentCycle"));
                        break;
                    }
                    Long up = at.parentId();
                    at = up == null ? null : all.stream().filter(x -> x.id() == up).findFirst().orElse(null);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Long pid = parentId;
        int pos = position == null ? 0 : position;
        tx.executeWithoutResult(s -> {
            var existing = all.stream().filter(x -> x.code().equals(c)).findFirst();
            if (existing.isPresent()) {
                store.updateCategory(existing.get().id(), pid, nameZh.strip(), nameEn.strip(), pos);
            } else {
                store.insertCategory(c, pid, nameZh.strip(), nameEn.strip(), pos);
            }
            audit.success("knowledge.category.put", "knowledge-category:" + c, p == null ? Map.of() : Map.of("parent", p));
        });
    }

    // synonyms

    public List<Synonym> synonyms() {
        return store.synonyms().stream().map(KnowledgeService::synonym).toList();
    }

    private static Synonym synonym(SynonymRow r) {
        return new Synonym(r.id(), r.language(), SynonymExpansion.parseTerms(r.terms()), r.updatedBy(), r.updatedAt());
    }

    private record SynonymInput(String language, String terms) {
    }

    private static SynonymInput checkSynonym(String language, List<String> terms) {
        List<FieldError> errors = new ArrayList<>();
        String l = LanguageDetection.normalise(language);
        if (l == null) {
            errors.add(new FieldError("language", "knowledge.validation.language"));
        }
        List<String> parsed = SynonymExpansion.parseTerms(terms == null ? "" : String.join(",", terms));
        String joined = String.join(",", parsed);
        if (parsed.size() < 2 || parsed.size() > 30 || joined.length() > 2000 || parsed.stream().anyMatch(t -> t.length() > 100)) {
            errors.add(new FieldError("terms", "knowledge.validation.terms"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new SynonymInput(l, joined);
    }

    public Synonym addSynonym(String language, List<String> terms) {
        SynonymInput in = checkSynonym(language, terms);
        long id = tx.execute(s -> {
            long created = store.insertSynonym(in.language(), in.terms(), who(), clock.instant());
            audit.success("knowledge.synonym.create", "knowledge-synonym:" + created, Map.of("language", in.language()));
            return created;
        });
        index.reloadSynonyms();
        return synonyms().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public Synonym updateSynonym(long id, String language, List<String> terms) {
        SynonymInput in = checkSynonym(language, terms);
        tx.executeWithoutResult(s -> {
            if (!store.updateSynonym(id, in.language(), in.terms(), who(), clock.instant())) {
                throw new NotFoundException("knowledge-synonym", id);
            }
            audit.success("knowledge.synonym.update", "knowledge-synonym:" + id, Map.of("language", in.language()));
        });
        index.reloadSynonyms();
        return synonyms().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public void deleteSynonym(long id) {
        tx.executeWithoutResult(s -> {
            if (!store.deleteSynonym(id)) {
                throw new NotFoundException("knowledge-synonym", id);
            }
            audit.success("knowledge.synonym.delete", "knowledge-synonym:" + id);
        });
        index.reloadSynonyms();
    }
}
