package org.fuwu.staff.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The skill catalogue: add and rename skills (a skill in use is never removed). */
@Service
@Transactional
public class SkillService {

    private final SkillRepository skills;
    private final AuditLog audit;
    private final Clock clock;

    public SkillService(SkillRepository skills, AuditLog audit, Clock clock) {
        this.skills = skills;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Skill> all() {
        return skills.all();
    }

    public Skill create(Skill s) {
        Skill clean = new Skill(s.code().trim().toLowerCase(java.util.Locale.ROOT), s.nameZh().trim(), s.nameEn().trim());
        if (skills.exists(clean.code())) {
            throw new ConflictException("staff.conflict.skill", clean.code());
        }
        skills.insert(clean, clock.instant());
        audit.success("staff.skill.create", "skill:" + clean.code());
        return clean;
    }

    public Skill rename(String code, String nameZh, String nameEn) {
        Skill s = new Skill(code, nameZh.trim(), nameEn.trim());
        if (!skills.update(s)) {
            throw new NotFoundException("skill", code);
        }
        audit.success("staff.skill.update", "skill:" + code, Map.of());
        return s;
    }
}
