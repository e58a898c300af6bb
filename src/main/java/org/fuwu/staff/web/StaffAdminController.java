package org.fuwu.staff.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.staff.internal.ApiTokenService;
import org.fuwu.staff.internal.Skill;
import org.fuwu.staff.internal.SkillService;
import org.fuwu.staff.internal.StaffAccount;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.fuwu.staff.internal.StaffAccountService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff administration pages (ADMIN; see the access rules): accounts, the skill catalogue, API tokens. */
@Controller
@RequestMapping("/staff")
class StaffAdminController {

    static final int PAGE_SIZE = 20;

    private final StaffAccountService accounts;
    private final SkillService skills;
    private final ApiTokenService tokens;
    private final MessageSource messages;
    private final Clock clock;

    StaffAdminController(StaffAccountService accounts, SkillService skills, ApiTokenService tokens,
                         MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.skills = skills;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("allRoles")
    List<Role> allRoles() {
        return List.of(Role.values());
    }

    @ModelAttribute("scopeLevels")
    List<Scope.Level> scopeLevels() {
        return List.of(Scope.Level.values());
    }

    // ---- accounts

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 100_000));
        Boolean enabled = "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
        String query = q == null ? null : q.length() > 100 ? q.substring(0, 100) : q;
        StaffAccountRepository.Page result = accounts.search(query, enabled, p, PAGE_SIZE, "username", false);
        model.addAttribute("accounts", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("q", query);
        model.addAttribute("status", enabled == null ? "" : status);
        return "staff/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AccountForm());
        model.addAttribute("skills", skills.all());
        return "staff/new";
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") AccountForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        try {
            StaffAccount a = accounts.create(new StaffAccountService.CreateCommand(form.getUsername(), form.getDisplayName(),
                    form.getEmployeeNumber(), form.getPassword(), form.getRoles(), form.getScopeLevel(), form.getScopeCode(),
                    form.chosenSkills(), form.isEnabled()));
            flash.addFlashAttribute("flash", message("staff.flash.created", a.username()));
            return "redirect:/staff/" + a.id();
        } catch (FieldValidationException e) {
            reject(errors, e);
        } catch (ConflictException e) {
            reject(errors, "staff.conflict.username".equals(e.messageKey()) ? "username"
                    : "staff.conflict.employee-number".equals(e.messageKey()) ? "employeeNumber" : null, e);
        }
        form.setPassword(null);
        model.addAttribute("skills", skills.all());
        return "staff/new";
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        StaffAccount a = accounts.get(id);
        model.addAttribute("form", AccountForm.of(a));
        return editView(a, model);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        StaffAccount current = accounts.get(id);
        try {
            StaffAccount a = accounts.update(id, new StaffAccountService.UpdateCommand(form.getDisplayName(),
                    form.getEmployeeNumber(), form.getRoles(), form.getScopeLevel(), form.getScopeCode(), null,
                    form.getVersion()));
            flash.addFlashAttribute("flash", message("staff.flash.updated", a.username()));
            return "redirect:/staff/" + id;
        } catch (FieldValidationException e) {
            reject(errors, e);
        } catch (ConflictException e) {
            reject(errors, "staff.conflict.employee-number".equals(e.messageKey()) ? "employeeNumber" : null, e);
        }
        form.setUsername(current.username());
        form.setSkills(new java.util.LinkedHashMap<>(current.skills()));
        return editView(current, model);
    }

    @PostMapping("/{id:\\d+}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, Model model, RedirectAttributes flash) {
        try {
            StaffAccount a = accounts.setEnabled(id, enabled);
            flash.addFlashAttribute("flash", message(enabled ? "staff.flash.enabled" : "staff.flash.disabled", a.username()));
            return "redirect:/staff/" + id;
        } catch (ConflictException e) {
            StaffAccount a = accounts.get(id);
            model.addAttribute("form", AccountForm.of(a));
            model.addAttribute("statusError", message(e.messageKey(), e.args()));
            return editView(a, model);
        }
    }

    @PostMapping("/{id:\\d+}/password")
    String password(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model,
                    RedirectAttributes flash) {
        try {
            accounts.resetPassword(id, password);
            flash.addFlashAttribute("flash", message("staff.flash.password", accounts.get(id).username()));
            return "redirect:/staff/" + id;
        } catch (FieldValidationException e) {
            StaffAccount a = accounts.get(id);
            model.addAttribute("form", AccountForm.of(a));
            FieldValidationException.FieldError f = e.errors().get(0);
            model.addAttribute("passwordError", message(f.messageKey(), f.args()));
            return editView(a, model);
        }
    }

    @PostMapping("/{id:\\d+}/skills")
    String saveSkills(@PathVariable long id, @ModelAttribute("form") AccountForm form, Model model, RedirectAttributes flash) {
        try {
            StaffAccount a = accounts.replaceSkills(id, form.chosenSkills());
            flash.addFlashAttribute("flash", message("staff.flash.skills", a.username()));
            return "redirect:/staff/" + id;
        } catch (FieldValidationException e) {
            StaffAccount a = accounts.get(id);
            AccountForm fresh = AccountForm.of(a);
            fresh.setSkills(form.getSkills());
            model.addAttribute("form", fresh);
            FieldValidationException.FieldError f = e.errors().get(0);
            model.addAttribute("skillsError", message(f.messageKey(), f.args()));
            return editView(a, model);
        }
    }

    private String editView(StaffAccount a, Model model) {
        model.addAttribute("account", a);
        model.addAttribute("skills", skills.all());
        return "staff/edit";
    }

    // ---- skill catalogue

    /** The backing object of the new-skill form. */
    public static class SkillForm {
        private String code;
        private String nameZh;
        private String nameEn;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }
    }

    @GetMapping("/skills")
    String skillCatalogue(Model model) {
        model.addAttribute("skillForm", new SkillForm());
        model.addAttribute("catalogue", skills.all());
        return "staff/skills";
    }

    @PostMapping("/skills")
    String addSkill(@ModelAttribute("skillForm") SkillForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        String code = form.getCode() == null ? "" : form.getCode().trim().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            errors.rejectValue("code", "validation.Pattern");
        }
        if (form.getNameZh() == null || form.getNameZh().isBlank() || form.getNameZh().length() > 100) {
            errors.rejectValue("nameZh", "validation.NotBlank");
        }
        if (form.getNameEn() == null || form.getNameEn().isBlank() || form.getNameEn().length() > 100) {
            errors.rejectValue("nameEn", "validation.NotBlank");
        }
        if (!errors.hasErrors()) {
            try {
                Skill s = skills.create(new Skill(code, form.getNameZh(), form.getNameEn()));
                flash.addFlashAttribute("flash", message("staff.flash.skill-created", s.code()));
                return "redirect:/staff/skills";
            } catch (ConflictException e) {
                errors.rejectValue("code", e.messageKey(), e.args(), e.messageKey());
            }
        }
        model.addAttribute("catalogue", skills.all());
        return "staff/skills";
    }

    // ---- API tokens

    /** The backing object of the new-token form. */
    public static class TokenForm {
        private String name;
        private List<String> roles = new java.util.ArrayList<>();
        private String scopeLevel = "BANK";
        private String scopeCode;
        private String expiresAt;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles == null ? new java.util.ArrayList<>() : roles;
        }

        public String getScopeLevel() {
            return scopeLevel;
        }

        public void setScopeLevel(String scopeLevel) {
            this.scopeLevel = scopeLevel;
        }

        public String getScopeCode() {
            return scopeCode;
        }

        public void setScopeCode(String scopeCode) {
            this.scopeCode = scopeCode;
        }

        public String getExpiresAt() {
            return expiresAt;
        }

        public void setExpiresAt(String expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    @GetMapping("/tokens")
    String tokenList(Model model) {
        model.addAttribute("tokenForm", new TokenForm());
        return tokensView(model);
    }

    /**
     * Creates a machine token and shows its value on the answer itself, once: it is not put in the
     * session (no flash attribute, no redirect), and the page is not cached.
     */
    @PostMapping("/tokens")
    String createToken(@ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model,
                       HttpServletResponse response) {
        String name = form.getName() == null ? "" : form.getName().trim();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,99}")) {
            errors.rejectValue("name", "validation.Pattern");
        }
        java.time.Instant expires = null;
        if (form.getExpiresAt() != null && !form.getExpiresAt().isBlank()) {
            try {
                expires = LocalDateTime.parse(form.getExpiresAt().trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.rejectValue("expiresAt", "validation.typeMismatch");
            }
        }
        if (!errors.hasErrors()) {
            try {
                ApiTokenService.Issued issued = tokens.createMachine(new ApiTokenService.MachineCommand(name,
                        form.getRoles(), form.getScopeLevel(), form.getScopeCode(), expires));
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("newToken", issued.value());
                model.addAttribute("newTokenName", issued.token().name());
                model.addAttribute("tokenForm", new TokenForm());
                return tokensView(model);
            } catch (FieldValidationException e) {
                reject(errors, e);
            } catch (ConflictException e) {
                errors.rejectValue("name", e.messageKey(), e.args(), e.messageKey());
            }
        }
        return tokensView(model);
    }

    @PostMapping("/tokens/{id:\\d+}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(id);
        flash.addFlashAttribute("flash", message("staff.flash.token-revoked", tokens.get(id).name()));
        return "redirect:/staff/tokens";
    }

    /** A token as the list shows it, with its times in UTC. */
    record TokenRow(org.fuwu.staff.internal.ApiToken token, String status, String createdAt, String expiresAt,
                    String lastUsedAt) {
    }

    private static final java.time.format.DateTimeFormatter UTC_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static String utc(java.time.Instant i) {
        return i == null ? null : UTC_MINUTES.format(i);
    }

    private String tokensView(Model model) {
        java.time.Instant now = clock.instant();
        model.addAttribute("tokens", tokens.machineTokens(0, 200).stream().map(t -> new TokenRow(t, t.status(now).name(),
                utc(t.createdAt()), utc(t.expiresAt()), utc(t.lastUsedAt()))).toList());
        return "staff/tokens";
    }

    // ---- helpers

    private static final Set<String> FORM_FIELDS = Set.of("username", "displayName", "employeeNumber", "password", "roles",
            "scopeLevel", "scopeCode", "enabled", "skills", "name", "expiresAt");

    private static void reject(BindingResult errors, FieldValidationException e) {
        for (FieldValidationException.FieldError f : e.errors()) {
            String field = f.field().startsWith("skills") ? "skills" : f.field();
            if (FORM_FIELDS.contains(field) && errors instanceof BeanPropertyBindingResult b
                    && b.getTarget() != null && hasProperty(b, field)) {
                errors.rejectValue(field, f.messageKey(), f.args(), f.messageKey());
            } else {
                errors.reject(f.messageKey(), f.args(), f.messageKey());
            }
        }
    }

    private static boolean hasProperty(BeanPropertyBindingResult b, String field) {
        try {
            b.getPropertyAccessor().getPropertyType(field);
            return b.getPropertyAccessor().isReadableProperty(field);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void reject(BindingResult errors, String field, ConflictException e) {
        if (field == null) {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
        } else {
            errors.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
