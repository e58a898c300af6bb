package org.fuwu.knowledge.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.knowledge.internal.EntryTransfer;
import org.fuwu.knowledge.internal.KnowledgeService;
import org.fuwu.knowledge.internal.KnowledgeService.EntryView;
import org.fuwu.knowledge.internal.KnowledgeStore;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The knowledge API: entries and their workflow, import and export, suggestions, answers, feedback and the dictionary. */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge", description = "Knowledge base entries (FAQ, articles) with review and versions, and BM25 search")
class KnowledgeApiController {

    record EntryBody(String kind, String language, String category, String question, List<String> similarQuestions,
                     String answerHtml, List<String> products, List<String> channels, LocalDate validFrom, LocalDate validUntil,
                     String owner) {

        EntryInput input() {
            return new EntryInput(kind, language, category, question, similarQuestions, answerHtml, products, channels, validFrom,
                    validUntil, owner);
        }
    }

    record Note(String note) {
    }

    record RollbackBody(Integer version) {
    }

    record FeedbackBody(String source, String channel, Boolean helpful, String comment) {
    }

    record CategoryBody(String parent, String nameZh, String nameEn, Integer position) {
    }

    record SynonymBody(String language, List<String> terms) {
    }

    record Answer(long entryId, int version, String language, String question, String answerHtml, List<String> channels) {
    }

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final AuditLog audit;

    KnowledgeApiController(KnowledgeService knowledge, KnowledgeSearch search, AuditLog audit) {
        this.knowledge = knowledge;
        this.search = search;
        this.audit = audit;
    }

    @GetMapping("/entries")
    @Operation(summary = "List entries (working copies)", description = "Filtered by status (DRAFT, IN_REVIEW, PUBLISHED, "
            + "UNPUBLISHED), language (zh, en) and category code (with its subtree); newest change first, at most 500.")
    List<KnowledgeService.EntryLine> list(@RequestParam(required = false) String status, @RequestParam(required = false) String language,
                                          @RequestParam(required = false) String category) {
        return knowledge.list(status, language, category);
    }

    @PostMapping("/entries")
    @Operation(summary = "Write a new entry as a draft", description = "The answer is sanitised HTML (a safe subset of tags is "
            + "kept). 422 names every broken field.")
    ResponseEntity<EntryView> create(@RequestBody EntryBody in) {
        long id = knowledge.create(in.input());
        return ResponseEntity.created(URI.create("/api/v1/knowledge/entries/" + id)).body(knowledge.view(id));
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "An entry with its workflow state, counters, feedback and version history")
    EntryView get(@PathVariable long id) {
        return knowledge.view(id);
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "Replace an entry's working copy", description = "It becomes a draft; a published version stays live "
            + "until the new text is published. 409 while the entry is in review.")
    EntryView update(@PathVariable long id, @RequestBody EntryBody in) {
        return knowledge.update(id, in.input());
    }

    @PostMapping("/entries/{id}/submit")
    @Operation(summary = "Submit a draft for review")
    EntryView submit(@PathVariable long id) {
        return knowledge.submit(id);
    }

    @PostMapping("/entries/{id}/approve")
    @Operation(summary = "Publish the text in review as a new version", description = "409 when the reviewer wrote or submitted it.")
    EntryView approve(@PathVariable long id) {
        return knowledge.approve(id);
    }

    @PostMapping("/entries/{id}/reject")
    @Operation(summary = "Send the text in review back to its author, with a note")
    EntryView reject(@PathVariable long id, @RequestBody(required = false) Note in) {
        return knowledge.reject(id, in == null ? null : in.note());
    }

    @PostMapping("/entries/{id}/unpublish")
    @Operation(summary = "Take a live entry off every channel")
    EntryView unpublish(@PathVariable long id) {
        return knowledge.unpublish(id);
    }

    @PostMapping("/entries/{id}/rollback")
    @Operation(summary = "Publish the text of an earlier version again, as a new version")
    EntryView rollback(@PathVariable long id, @RequestBody RollbackBody in) {
        if (in == null || in.version() == null) {
            throw FieldValidationException.of("version", "knowledge.validation.version");
        }
        return knowledge.rollback(id, in.version());
    }

    @GetMapping("/entries/{id}/versions/{version}")
    @Operation(summary = "The full text of a published version")
    KnowledgeStore.VersionRow version(@PathVariable long id, @PathVariable int version) {
        return knowledge.version(id, version);
    }

    @PostMapping("/entries/{id}/feedback")
    @Operation(summary = "Mark an answer helpful or not", description = "source CUSTOMER or AGENT; the optional comment is stored "
            + "encrypted. Answers the entry's counts.")
    KnowledgeStore.FeedbackCounts feedback(@PathVariable long id, @RequestBody FeedbackBody in) {
        return knowledge.feedback(id, in.source(), in.channel(), in.helpful(), in.comment());
    }

    @PostMapping("/entries/{id}/uses")
    @Operation(summary = "Count that an agent or the assistant used the entry's answer")
    ResponseEntity<Void> use(@PathVariable long id) {
        search.recordUse(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/answers/{id}")
    @Operation(summary = "The live answer of an entry on a channel (counted as a view)", description = "404 when the entry is not "
            + "published, not visible on the channel or not valid today.")
    Answer answer(@PathVariable long id, @RequestParam(required = false) String channel) {
        var v = knowledge.answer(id, channel);
        return new Answer(v.entryId(), v.versionNo(), v.language(), v.question(), v.answerHtml(), v.channels());
    }

    @GetMapping("/suggestions")
    @Operation(summary = "The live entries that best answer a text (BM25, synonyms, fuzzy English)", description = "The language "
            + "is detected from the text (share of CJK characters); the language parameter decides when the text does not "
            + "tell. Only entries visible on the channel (when given) and valid today are returned.")
    List<KnowledgeSearch.Suggestion> suggest(@RequestParam String q, @RequestParam(required = false) String language,
                                             @RequestParam(required = false) String channel,
                                             @RequestParam(defaultValue = "5") int limit) {
        return search.suggest(q, language, channel, limit);
    }

    @GetMapping("/categories")
    @Operation(summary = "The category tree, in tree order with each category's depth")
    List<KnowledgeService.CategoryNode> categories() {
        return knowledge.categories();
    }

    @PutMapping("/categories/{code}")
    @Operation(summary = "Create or change a category")
    ResponseEntity<Void> putCategory(@PathVariable String code, @RequestBody CategoryBody in) {
        knowledge.putCategory(code, in.parent(), in.nameZh(), in.nameEn(), in.position());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/synonyms")
    @Operation(summary = "The bank-term synonym dictionary")
    List<KnowledgeService.Synonym> synonyms() {
        return knowledge.synonyms();
    }

    @PostMapping("/synonyms")
    @Operation(summary = "Add a synonym group (two or more terms of one language)")
    ResponseEntity<KnowledgeService.Synonym> addSynonym(@RequestBody SynonymBody in) {
        var s = knowledge.addSynonym(in.language(), in.terms());
        return ResponseEntity.created(URI.create("/api/v1/knowledge/synonyms/" + s.id())).body(s);
    }

    @PutMapping("/synonyms/{id}")
    @Operation(summary = "Change a synonym group")
    KnowledgeService.Synonym updateSynonym(@PathVariable long id, @RequestBody SynonymBody in) {
        return knowledge.updateSynonym(id, in.language(), in.terms());
    }

    @DeleteMapping("/synonyms/{id}")
    @Operation(summary = "Remove a synonym group")
    ResponseEntity<Void> deleteSynonym(@PathVariable long id) {
        knowledge.deleteSynonym(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/export")
    @Operation(summary = "Export every entry's working copy as CSV, JSON or XLSX")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        EntryTransfer.Format f = EntryTransfer.Format.of(format);
        var entries = knowledge.allEntries();
        byte[] body = EntryTransfer.export(entries, f);
        audit.success("knowledge.export", "knowledge", Map.of("format", f.extension, "entries", Integer.toString(entries.size())));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"knowledge." + f.extension + "\"").body(body);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import entries from CSV, JSON or XLSX", description = "Rows with an id update that entry, others create "
            + "drafts; everything imported is a draft to review. Every broken field is answered by row (rows[3].question) "
            + "with 422 and nothing is imported.")
    Map<String, Integer> importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String format)
            throws IOException {
        EntryTransfer.Format f = EntryTransfer.Format.of(format == null || format.isBlank() ? file.getOriginalFilename() : format);
        return knowledge.importRows(EntryTransfer.read(file.getBytes(), f));
    }

    /** The knowledge API's rows of the access policy table. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        /** Write, submit and review entries (the reviewer is never the author: EditorialWorkflow). */
        static final Role[] EDITORS = {Role.QUALITY_MANAGER, Role.SUPERVISOR, Role.ADMIN};
        /** Read the knowledge base, drafts included. */
        static final Role[] READERS = {Role.TELLER, Role.LOBBY_MANAGER, Role.AGENT, Role.SUPERVISOR, Role.COMPLAINT_OFFICER,
                Role.QUALITY_MANAGER, Role.ADMIN, Role.AUDITOR};

        @Bean
        AccessRules knowledgeAccessRules() {
            return () -> List.of(
                    AccessRule.roles("GET", "/api/v1/knowledge/entries", READERS),
                    AccessRule.roles("POST", "/api/v1/knowledge/entries", EDITORS),
                    AccessRule.roles("GET", "/api/v1/knowledge/entries/*", READERS),
                    AccessRule.roles("PUT", "/api/v1/knowledge/entries/*", EDITORS),
                    AccessRule.roles("GET", "/api/v1/knowledge/entries/*/versions/*", READERS),
                    AccessRule.authenticated("POST", "/api/v1/knowledge/entries/*/feedback"),
                    AccessRule.authenticated("POST", "/api/v1/knowledge/entries/*/uses"),
                    AccessRule.roles("POST", "/api/v1/knowledge/entries/*/*", EDITORS),
                    AccessRule.authenticated("GET", "/api/v1/knowledge/answers/*"),
                    AccessRule.authenticated("GET", "/api/v1/knowledge/suggestions"),
                    AccessRule.roles("GET", "/api/v1/knowledge/categories", READERS),
                    AccessRule.roles("PUT", "/api/v1/knowledge/categories/*", EDITORS),
                    AccessRule.roles("GET", "/api/v1/knowledge/synonyms", EDITORS),
                    AccessRule.roles("POST", "/api/v1/knowledge/synonyms", Role.ADMIN),
                    AccessRule.roles("PUT", "/api/v1/knowledge/synonyms/*", Role.ADMIN),
                    AccessRule.roles("DELETE", "/api/v1/knowledge/synonyms/*", Role.ADMIN),
                    AccessRule.roles("GET", "/api/v1/knowledge/export", EDITORS),
                    AccessRule.roles("POST", "/api/v1/knowledge/import", EDITORS));
        }
    }
}
