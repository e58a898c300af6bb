package org.fuwu.contact.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.NotFoundException;
import org.fuwu.routing.SkillRequirement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating and changing queues, validated, each change with its audit record. */
@Service
public class QueueAdmin {

    public record QueueInput(String code, String nameZh, String nameEn, int priority, List<SkillRequirement> skills,
                             Set<String> overflowQueues, int slSeconds, int slPercent, boolean active) {
    }

    static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";

    private final ContactConfigStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    QueueAdmin(ContactConfigStore store, AuditLog audit, Clock clock, PlatformTransactionManager txManager) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public ContactQueue create(QueueInput in) {
        ContactQueue q = validate(in);
        return tx.execute(s -> {
            if (store.queueExists(q.code())) {
                throw new ConflictException("contact.conflict.queueExists", q.code());
            }
            store.insertQueue(q, clock.instant());
            audit.success("contact.queue.create", "contactQueue:" + q.code(), Map.of("skills", skills(q)));
            return store.queue(q.code()).orElseThrow();
        });
    }

    public ContactQueue update(QueueInput in) {
        ContactQueue q = validate(in);
        return tx.execute(s -> {
            if (!store.queueExists(q.code())) {
                throw new NotFoundException("contactQueue", q.code());
            }
            store.updateQueue(q);
            audit.success("contact.queue.update", "contactQueue:" + q.code(),
                    Map.of("skills", skills(q), "active", String.valueOf(q.active())));
            return store.queue(q.code()).orElseThrow();
        });
    }

    private static String skills(ContactQueue q) {
        return String.join(",", q.skills().stream().map(r -> r.skill() + ":" + r.level() + (r.optional() ? "?" : "")).toList());
    }

    private ContactQueue validate(QueueInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.code() == null || !in.code().matches(CODE)) {
            errors.add(new FieldError("code", "contact.validation.queueCode"));
        }
        if (in.nameZh() == null || in.nameZh().isBlank() || in.nameZh().length() > 100) {
            errors.add(new FieldError("nameZh", "contact.validation.name"));
        }
        if (in.nameEn() == null || in.nameEn().isBlank() || in.nameEn().length() > 100) {
            errors.add(new FieldError("nameEn", "contact.validation.name"));
        }
        if (in.priority() < 0 || in.priority() > 100) {
            errors.add(new FieldError("priority", "contact.validation.priority"));
        }
        if (in.slSeconds() < 1 || in.slSeconds() > 86_400) {
            errors.add(new FieldError("slSeconds", "contact.validation.slSeconds"));
        }
        if (in.slPercent() < 1 || in.slPercent() > 100) {
            errors.add(new FieldError("slPercent", "contact.validation.slPercent"));
        }
        for (String o : in.overflowQueues()) {
            if (o.equals(in.code()) || !store.queueExists(o)) {
                errors.add(new FieldError("overflowQueues", "contact.validation.queue"));
                break;
            }
        }
        if (in.skills().stream().map(SkillRequirement::skill).distinct().count() != in.skills().size()) {
            errors.add(new FieldError("skills", "contact.validation.skillTwice"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new ContactQueue(in.code(), in.nameZh().strip(), in.nameEn().strip(), in.priority(), in.skills(),
                in.overflowQueues(), in.slSeconds(), in.slPercent(), in.active());
    }
}
