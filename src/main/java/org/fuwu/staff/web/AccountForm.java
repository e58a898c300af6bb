package org.fuwu.staff.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fuwu.platform.Role;
import org.fuwu.staff.internal.StaffAccount;

/** The backing object of the account pages' forms (mutable, as HTML form binding needs; never persisted as is). */
public class AccountForm {

    private String username;
    private String displayName;
    private String employeeNumber;
    private String password;
    private List<String> roles = new ArrayList<>();
    private String scopeLevel = "BANK";
    private String scopeCode;
    private boolean enabled = true;
    private Long version;
    private Map<String, Integer> skills = new LinkedHashMap<>();

    static AccountForm of(StaffAccount a) {
        AccountForm f = new AccountForm();
        f.username = a.username();
        f.displayName = a.displayName();
        f.employeeNumber = a.employeeNumber();
        f.roles = new ArrayList<>(a.roles().stream().map(Role::name).sorted().toList());
        f.scopeLevel = a.scopeLevel().name();
        f.scopeCode = a.scopeCode();
        f.enabled = a.enabled();
        f.version = a.version();
        f.skills = new LinkedHashMap<>(a.skills());
        return f;
    }

    /** The chosen skills, without the ones left at "none". */
    Map<String, Integer> chosenSkills() {
        Map<String, Integer> m = new LinkedHashMap<>();
        skills.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Map<String, Integer> getSkills() {
        return skills;
    }

    public void setSkills(Map<String, Integer> skills) {
        this.skills = skills == null ? new LinkedHashMap<>() : skills;
    }

    /** Whether the skill has this level, for the select boxes. */
    public boolean hasLevel(String code, int level) {
        return Objects.equals(skills.get(code), level);
    }
}
