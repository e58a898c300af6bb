package org.fuwu.staff.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.staff.internal.Skill;
import org.fuwu.staff.internal.SkillService;
import org.fuwu.staff.internal.StaffAccountRepository;
import org.fuwu.staff.internal.StaffAccountService;
import org.fuwu.staff.web.StaffViews.AccountView;
import org.fuwu.staff.web.StaffViews.MeView;
import org.fuwu.staff.web.StaffViews.PageView;
import org.fuwu.staff.web.StaffViews.SkillView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Staff accounts and the skill catalogue (ADMIN; see the access rules), and {@code /me} for every staff member. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "staff", description = "Staff accounts, roles, scopes and skills")
class StaffApiController {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{2,59}";
    static final String LEVEL = "BANK|REGION|BRANCH";

    record SkillLevelInput(@NotBlank @Size(max = 40) String code, @NotNull @Min(1) @Max(5) Integer proficiency) {
    }

    record CreateStaffRequest(
            @NotBlank @Pattern(regexp = USERNAME) String username,
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 30) String employeeNumber,
            @NotBlank @Size(max = 200) String password,
            @NotEmpty List<@NotNull @RoleName String> roles,
            @NotNull @Pattern(regexp = LEVEL) String scopeLevel,
            @Size(max = 40) String scopeCode,
            List<@Valid @NotNull SkillLevelInput> skills,
            Boolean enabled) {
    }

    record UpdateStaffRequest(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 30) String employeeNumber,
            @NotEmpty List<@NotNull @RoleName String> roles,
            @NotNull @Pattern(regexp = LEVEL) String scopeLevel,
            @Size(max = 40) String scopeCode,
            Boolean enabled,
            Long version) {
    }

    record PasswordRequest(@NotBlank @Size(max = 200) String password) {
    }

    record EnabledRequest(@NotNull Boolean enabled) {
    }

    record SkillsRequest(@NotNull List<@Valid @NotNull SkillLevelInput> skills) {
    }

    record CreateSkillRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String code,
                              @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 100) String nameEn) {
    }

    private final StaffAccountService accounts;
    private final SkillService skills;

    StaffApiController(StaffAccountService accounts, SkillService skills) {
        this.accounts = accounts;
        this.skills = skills;
    }

    @GetMapping("/staff/me")
    MeView me() {
        return MeView.of(CurrentStaff.get());
    }

    @GetMapping("/staff")
    PageView<AccountView> list(@RequestParam(required = false) @Size(max = 100) String q,
                               @RequestParam(required = false) Boolean enabled,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                               @RequestParam(defaultValue = "username") String sort) {
        String[] parts = sort.split(",", 2);
        if (!StaffAccountRepository.SORTS.containsKey(parts[0])
                || parts.length == 2 && !List.of("asc", "desc").contains(parts[1].toLowerCase(Locale.ROOT))) {
            throw FieldValidationException.of("sort", "staff.sort.unknown", String.join(", ", StaffAccountRepository.SORTS.keySet()));
        }
        boolean desc = parts.length == 2 && "desc".equalsIgnoreCase(parts[1]);
        StaffAccountRepository.Page p = accounts.search(q, enabled, page, size, parts[0], desc);
        return new PageView<>(p.items().stream().map(AccountView::of).toList(), page, size, p.total());
    }

    @PostMapping("/staff")
    ResponseEntity<AccountView> create(@Valid @RequestBody CreateStaffRequest r) {
        AccountView created = AccountView.of(accounts.create(new StaffAccountService.CreateCommand(r.username(),
                r.displayName(), r.employeeNumber(), r.password(), r.roles(), r.scopeLevel(), r.scopeCode(),
                StaffViews.skillMap(r.skills() == null ? null : r.skills().stream()
                        .map(s -> new StaffViews.SkillLevel(s.code(), s.proficiency())).toList()), r.enabled())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/staff/{id}")
    AccountView get(@PathVariable long id) {
        return AccountView.of(accounts.get(id));
    }

    @PutMapping("/staff/{id}")
    AccountView update(@PathVariable long id, @Valid @RequestBody UpdateStaffRequest r) {
        return AccountView.of(accounts.update(id, new StaffAccountService.UpdateCommand(r.displayName(),
                r.employeeNumber(), r.roles(), r.scopeLevel(), r.scopeCode(), r.enabled(), r.version())));
    }

    @PostMapping("/staff/{id}/password")
    ResponseEntity<Void> password(@PathVariable long id, @Valid @RequestBody PasswordRequest r) {
        accounts.resetPassword(id, r.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/staff/{id}/enabled")
    AccountView enabled(@PathVariable long id, @Valid @RequestBody EnabledRequest r) {
        return AccountView.of(accounts.setEnabled(id, r.enabled()));
    }

    @PutMapping("/staff/{id}/skills")
    AccountView skills(@PathVariable long id, @Valid @RequestBody SkillsRequest r) {
        return AccountView.of(accounts.replaceSkills(id, StaffViews.skillMap(r.skills().stream()
                .map(s -> new StaffViews.SkillLevel(s.code(), s.proficiency())).toList())));
    }

    @GetMapping("/skills")
    PageView<SkillView> skills() {
        List<SkillView> all = skills.all().stream().map(SkillView::of).toList();
        return new PageView<>(all, 0, all.size(), all.size());
    }

    @PostMapping("/skills")
    ResponseEntity<SkillView> createSkill(@Valid @RequestBody CreateSkillRequest r) {
        Skill s = skills.create(new Skill(r.code(), r.nameZh(), r.nameEn()));
        return ResponseEntity.status(HttpStatus.CREATED).body(SkillView.of(s));
    }
}
