package org.fuwu.staff.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fuwu.staff.AgentDirectory;
import org.springframework.stereotype.Component;

/** {@link AgentDirectory} from the staff accounts and their skills. */
@Component
class StaffAgentDirectory implements AgentDirectory {

    private final StaffAccountRepository accounts;
    private final SkillRepository skills;
    private final StaffAccountService service;

    StaffAgentDirectory(StaffAccountRepository accounts, SkillRepository skills, StaffAccountService service) {
        this.accounts = accounts;
        this.skills = skills;
        this.service = service;
    }

    @Override
    public AgentProfile setSkills(long accountId, java.util.Map<String, Integer> levels) {
        StaffAccount a = service.get(accountId);
        if (!a.roles().contains(org.fuwu.platform.Role.AGENT)) {
            throw new org.fuwu.platform.ConflictException("staff.conflict.notAnAgent", a.username());
        }
        return profile(service.replaceSkills(accountId, levels));
    }

    @Override
    public Optional<AgentProfile> find(long accountId) {
        return accounts.findById(accountId).map(StaffAgentDirectory::profile);
    }

    @Override
    public Optional<AgentProfile> findByUsername(String username) {
        return accounts.findForLogin(username).map(r -> profile(r.account()));
    }

    @Override
    public List<AgentProfile> withRole(org.fuwu.platform.Role role) {
        return accounts.findByRole(role).stream().map(StaffAgentDirectory::profile).toList();
    }

    @Override
    public List<AgentProfile> findAll(Collection<Long> accountIds) {
        return accounts.findByIds(accountIds).stream().map(StaffAgentDirectory::profile).toList();
    }

    @Override
    public String skillName(String code, String language) {
        return skills.find(code).map(s -> language != null && language.startsWith("en") ? s.nameEn() : s.nameZh())
                .orElse(code);
    }

    private static AgentProfile profile(StaffAccount a) {
        return new AgentProfile(a.id(), a.username(), a.displayName(), a.skills(), a.enabled());
    }
}
