package org.fuwu.knowledge.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.knowledge.internal.AnswerSanitizer;
import org.fuwu.knowledge.internal.EntryRules;
import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.knowledge.internal.EntryTransfer;
import org.fuwu.knowledge.internal.KnowledgeService;
import org.fuwu.knowledge.internal.KnowledgeService.EntryView;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Workspace;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge pages: the entry list with search and the category tree, the entry editor with the workflow
 * buttons, the version history and the feedback counts, import and export, and the categories and synonyms.
 */
@Controller
class KnowledgePageController {

    /** The editor's form, as typed: similar questions one per line, products comma-separated. */
    record Form(String kind, String language, String category, String question, String similar, String answerHtml,
                String products, List<String> channels, String validFrom, String validUntil, String owner) {

        static Form blank() {
            return new Form("FAQ", "zh", "", "", "", "", "", List.of("WEB", "APP", "WECHAT", "AGENT", "ASSISTANT"), "", "", "");
        }

        static Form of(EntryView e) {
            return new Form(e.kind(), e.language(), e.category() == null ? "" : e.category(), e.question(),
                    String.join("\n", e.similarQuestions()), e.answerHtml(), String.join(", ", e.products()), e.channels(),
                    e.validFrom() == null ? "" : e.validFrom().toString(), e.validUntil() == null ? "" : e.validUntil().toString(),
                    e.owner());
        }

        /** The entry typed; a date that cannot be read is answered together with every other broken field. */
        EntryInput input(KnowledgeService knowledge) {
            List<FieldValidationException.FieldError> errors = new ArrayList<>();
            LocalDate from = date(validFrom, "validFrom", errors);
            LocalDate until = date(validUntil, "validUntil", errors);
            EntryInput in = new EntryInput(kind, language, category, question, EntryRules.split(similar, "[\\r\\n]+"), answerHtml,
                    EntryRules.split(products, "[,，\\s]+"), channels, from, until, owner);
            if (!errors.isEmpty()) {
                errors.addAll(knowledge.problems(in));
                throw new FieldValidationException(errors);
            }
            return in;
        }

        private static LocalDate date(String raw, String field, List<FieldValidationException.FieldError> errors) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldValidationException.FieldError(field, "knowledge.validation.date"));
                return null;
            }
        }
    }

    static final Set<String> ACTIONS = Set.of("submit", "approve", "reject", "unpublish", "rollback");

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final MessageSource messages;

    KnowledgePageController(KnowledgeService knowledge, KnowledgeSearch search, MessageSource messages) {
        this.knowledge = knowledge;
        this.search = search;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("channels", KnowledgeSearch.CHANNELS);
        model.addAttribute("zone", ZoneId.of("Asia/Shanghai"));
        var staff = CurrentStaff.find();
        model.addAttribute("canEdit", staff.map(p -> p.hasAnyRole(Set.of(KnowledgeApiController.Access.EDITORS))).orElse(false));
        model.addAttribute("isAdmin", staff.map(p -> p.hasRole(Role.ADMIN)).orElse(false));
    }

    @GetMapping("/knowledge")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String status, @RequestParam(required = false) String language,
                @RequestParam(required = false) String category, Model model, Locale locale) {
        model.addAttribute("categories", knowledge.categories());
        model.addAttribute("q", q);
        model.addAttribute("channel", channel);
        model.addAttribute("status", status);
        model.addAttribute("language", language);
        model.addAttribute("category", category);
        List<String> errors = new ArrayList<>();
        try {
            model.addAttribute("entries", knowledge.list(status, language, category));
        } catch (FieldValidationException e) {
            model.addAttribute("entries", List.of());
            errors.addAll(messages(e, locale));
        }
        if (q != null && !q.isBlank()) {
            try {
                var found = search.suggest(q, locale.getLanguage(), channel, 10);
                model.addAttribute("suggestions", found);
                model.addAttribute("detected", org.fuwu.knowledge.internal.LanguageDetection.detect(q, locale.getLanguage()));
            } catch (FieldValidationException e) {
                errors.addAll(messages(e, locale));
            }
        }
        model.addAttribute("errors", errors);
        return "knowledge/list";
    }

    @GetMapping("/knowledge/entries/new")
    String newEntry(Model model) {
        model.addAttribute("form", Form.blank());
        return editor(model, null, List.of());
    }

    @PostMapping("/knowledge/entries")
    String create(@ModelAttribute Form form, Model model, RedirectAttributes flash, Locale locale, HttpServletResponse res) {
        try {
            long id = knowledge.create(form.input(knowledge));
            flash.addFlashAttribute("flash", messages.getMessage("knowledge.done.create", null, locale));
            return "redirect:/knowledge/entries/" + id;
        } catch (FieldValidationException e) {
            res.setStatus(422);
            model.addAttribute("form", withChannels(form));
            return editor(model, null, messages(e, locale));
        }
    }

    @GetMapping("/knowledge/entries/{id}")
    String entry(@PathVariable long id, Model model) {
        EntryView e = knowledge.view(id);
        model.addAttribute("form", Form.of(e));
        return editor(model, e, List.of());
    }

    @PostMapping("/knowledge/entries/{id}")
    String save(@PathVariable long id, @ModelAttribute Form form, Model model, RedirectAttributes flash, Locale locale,
                HttpServletResponse res) {
        EntryView current = knowledge.view(id);
        try {
            knowledge.update(id, form.input(knowledge));
            flash.addFlashAttribute("flash", messages.getMessage("knowledge.done.save", null, locale));
            return "redirect:/knowledge/entries/" + id;
        } catch (FieldValidationException e) {
            res.setStatus(422);
            model.addAttribute("form", withChannels(form));
            return editor(model, current, messages(e, locale));
        } catch (ConflictException e) {
            res.setStatus(409);
            model.addAttribute("form", withChannels(form));
            return editor(model, current, List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
    }

    @PostMapping("/knowledge/entries/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
               @RequestParam(required = false) Integer version, RedirectAttributes flash, Locale locale) {
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException("action", action);
        }
        try {
            switch (action) {
                case "submit" -> knowledge.submit(id);
                case "approve" -> knowledge.approve(id);
                case "reject" -> knowledge.reject(id, note);
                case "unpublish" -> knowledge.unpublish(id);
                default -> {
                    if (version == null) {
                        throw FieldValidationException.of("version", "knowledge.validation.version");
                    }
                    knowledge.rollback(id, version);
                }
            }
            flash.addFlashAttribute("flash", messages.getMessage("knowledge.done." + action, null, locale));
        } catch (FieldValidationException e) {
            flash.addFlashAttribute("entryErrors", messages(e, locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("entryErrors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        return "redirect:/knowledge/entries/" + id;
    }

    private String editor(Model model, EntryView e, List<String> errors) {
        model.addAttribute("e", e);
        model.addAttribute("preview", e == null ? null : AnswerSanitizer.sanitize(e.answerHtml()));
        model.addAttribute("categories", knowledge.categories());
        if (!model.containsAttribute("entryErrors")) {
            model.addAttribute("entryErrors", errors);
        }
        return "knowledge/entry";
    }

    private static Form withChannels(Form f) {
        return f.channels() == null ? new Form(f.kind(), f.language(), f.category(), f.question(), f.similar(), f.answerHtml(),
                f.products(), List.of(), f.validFrom(), f.validUntil(), f.owner()) : f;
    }

    private List<String> messages(FieldValidationException e, Locale locale) {
        return e.errors().stream().map(f -> f.field() + ": " + messages.getMessage(f.messageKey(), f.args(), locale)).toList();
    }

    // import and export

    @GetMapping("/knowledge/transfer")
    String transfer() {
        return "knowledge/transfer";
    }

    @PostMapping("/knowledge/transfer")
    String importFile(@RequestParam("file") MultipartFile file, Model model, Locale locale, HttpServletResponse res) throws IOException {
        try {
            Map<String, Integer> counts = knowledge.importRows(EntryTransfer.read(file.getBytes(),
                    EntryTransfer.Format.of(file.getOriginalFilename())));
            model.addAttribute("done", messages.getMessage("knowledge.transfer.done",
                    new Object[]{counts.get("created"), counts.get("updated")}, locale));
        } catch (FieldValidationException e) {
            res.setStatus(422);
            model.addAttribute("importErrors", messages(e, locale));
        }
        return "knowledge/transfer";
    }

    // categories and synonyms

    @GetMapping("/knowledge/settings")
    String settings(Model model) {
        model.addAttribute("categories", knowledge.categories());
        model.addAttribute("synonyms", knowledge.synonyms());
        return "knowledge/settings";
    }

    @PostMapping("/knowledge/settings/categories")
    String putCategory(@RequestParam String code, @RequestParam(required = false) String parent, @RequestParam String nameZh,
                       @RequestParam String nameEn, @RequestParam(required = false) Integer position, RedirectAttributes flash,
                       Locale locale) {
        return settingsChange(() -> knowledge.putCategory(code, parent, nameZh, nameEn, position), flash, locale);
    }

    @PostMapping("/knowledge/settings/synonyms")
    String addSynonym(@RequestParam String language, @RequestParam String terms, RedirectAttributes flash, Locale locale) {
        return settingsChange(() -> knowledge.addSynonym(language, List.of(terms)), flash, locale);
    }

    @PostMapping("/knowledge/settings/synonyms/{id}")
    String saveSynonym(@PathVariable long id, @RequestParam String language, @RequestParam String terms, RedirectAttributes flash,
                       Locale locale) {
        return settingsChange(() -> knowledge.updateSynonym(id, language, List.of(terms)), flash, locale);
    }

    @PostMapping("/knowledge/settings/synonyms/{id}/delete")
    String deleteSynonym(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return settingsChange(() -> knowledge.deleteSynonym(id), flash, locale);
    }

    private String settingsChange(Runnable change, RedirectAttributes flash, Locale locale) {
        try {
            change.run();
            flash.addFlashAttribute("flash", messages.getMessage("knowledge.settings.saved", null, locale));
        } catch (FieldValidationException e) {
            flash.addFlashAttribute("settingsErrors", messages(e, locale));
        }
        return "redirect:/knowledge/settings";
    }

    /** The pages' rows of the access policy table, and the launcher tile. */
    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AccessRule.AccessRules knowledgePageAccessRules() {
            Role[] editors = KnowledgeApiController.Access.EDITORS;
            Role[] readers = KnowledgeApiController.Access.READERS;
            return () -> List.of(
                    AccessRule.roles("GET", "/knowledge", readers),
                    AccessRule.roles("GET", "/knowledge/entries/new", editors),
                    AccessRule.roles("GET", "/knowledge/entries/*", readers),
                    AccessRule.roles("POST", "/knowledge/entries", editors),
                    AccessRule.roles("POST", "/knowledge/entries/*", editors),
                    AccessRule.roles("POST", "/knowledge/entries/*/*", editors),
                    AccessRule.roles("GET", "/knowledge/transfer", editors),
                    AccessRule.roles("POST", "/knowledge/transfer", editors),
                    AccessRule.roles("GET", "/knowledge/settings", editors),
                    AccessRule.roles("POST", "/knowledge/settings/categories", editors),
                    AccessRule.roles("POST", "/knowledge/settings/synonyms", Role.ADMIN),
                    AccessRule.roles("POST", "/knowledge/settings/synonyms/**", Role.ADMIN));
        }

        @Bean
        Workspace knowledgeWorkspace() {
            return new Workspace("knowledge", "/knowledge", "book", 700, Set.of(KnowledgeApiController.Access.READERS));
        }
    }
}
