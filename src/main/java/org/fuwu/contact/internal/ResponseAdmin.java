package org.fuwu.contact.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.contact.internal.ContactConfigStore.CannedResponse;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Supervisors keep the canned responses and macros: validated by {@link MacroPolicy}, each change audited. */
@Service
public class ResponseAdmin {

    private final ContactConfigStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ResponseAdmin(ContactConfigStore store, AuditLog audit, Clock clock, PlatformTransactionManager txManager) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public CannedResponse saveCanned(String code, String language, String title, String body) {
        List<FieldError> errors = MacroPolicy.cannedErrors(code, language, title, body);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        CannedResponse c = new CannedResponse(code, language, title.strip(), body.strip());
        return tx.execute(s -> {
            store.upsertCannedResponse(c);
            audit.success("contact.canned.save", "cannedResponse:" + code + "/" + language, Map.of());
            return c;
        });
    }

    public void deleteCanned(String code, String language) {
        tx.executeWithoutResult(s -> {
            if (!store.deleteCannedResponse(code, language)) {
                throw new NotFoundException("cannedResponse", code + "/" + language);
            }
            audit.success("contact.canned.delete", "cannedResponse:" + code + "/" + language, Map.of());
        });
    }

    public MacroPolicy.Macro saveMacro(MacroPolicy.Macro in) {
        MacroPolicy.Macro m = new MacroPolicy.Macro(in.code(), in.language(), in.title() == null ? null : in.title().strip(),
                blankToNull(in.reply()), blankToNull(in.note()), blankToNull(in.transferQueue()), blankToNull(in.wrapUpCode()));
        Set<String> wrapUps = store.wrapUpCodes().stream().filter(ContactConfigStore.WrapUpCode::active)
                .map(ContactConfigStore.WrapUpCode::code).collect(Collectors.toSet());
        Set<String> queues = store.queues().stream().filter(ContactQueue::active).map(ContactQueue::code)
                .collect(Collectors.toSet());
        List<FieldError> errors = MacroPolicy.macroErrors(m, wrapUps, queues);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return tx.execute(s -> {
            store.upsertMacro(m, clock.instant());
            audit.success("contact.macro.save", "macro:" + m.code() + "/" + m.language(),
                    Map.of("transferQueue", String.valueOf(m.transferQueue()), "wrapUpCode", String.valueOf(m.wrapUpCode())));
            return m;
        });
    }

    public void deleteMacro(String code, String language) {
        tx.executeWithoutResult(s -> {
            if (!store.deleteMacro(code, language)) {
                throw new NotFoundException("macro", code + "/" + language);
            }
            audit.success("contact.macro.delete", "macro:" + code + "/" + language, Map.of());
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
