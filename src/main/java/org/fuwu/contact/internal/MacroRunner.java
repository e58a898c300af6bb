package org.fuwu.contact.internal;

import java.util.List;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.AgentDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a macro to an agent's conversation: its steps ({@link MacroPolicy#steps}) run through the
 * agent's own actions in one transaction, so either all of them happen or none (a lapsed conversation,
 * a queue closed since: nothing is sent). The macro in the conversation's language is used when there is
 * one, else the one in the language the agent chose it in.
 */
@Service
public class MacroRunner {

    /** What applying a macro did: the conversation afterwards and the steps, in order. */
    public record Applied(Conversation conversation, List<String> steps) {
    }

    private final AgentWork work;
    private final ContactConfigStore config;
    private final AgentDirectory directory;
    private final PersonalData personalData;
    private final ContactProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    MacroRunner(AgentWork work, ContactConfigStore config, AgentDirectory directory, PersonalData personalData,
                ContactProperties properties, AuditLog audit, PlatformTransactionManager txManager) {
        this.work = work;
        this.config = config;
        this.directory = directory;
        this.personalData = personalData;
        this.properties = properties;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
    }

    public Applied apply(StaffPrincipal me, long conversationId, String code, String chosenIn) {
        return tx.execute(s -> {
            Conversation c = work.conversation(conversationId);
            if (c.status() != ConversationStatus.ASSIGNED || c.agentId() == null || c.agentId() != me.accountId()) {
                throw new ConflictException("contact.conflict.notYours", String.valueOf(conversationId));
            }
            String language = c.language().startsWith("en") ? "en" : "zh-CN";
            MacroPolicy.Macro m = config.macro(code, language)
                    .or(() -> chosenIn == null ? java.util.Optional.empty() : config.macro(code, chosenIn))
                    .orElseThrow(() -> new NotFoundException("macro", code));
            String customer = c.customerNameEnc() == null ? "" : Masking.keep(personalData.decrypt(c.customerNameEnc()), 1, 0);
            String agent = directory.find(me.accountId()).map(AgentDirectory.AgentProfile::displayName).orElse(me.displayName());
            Map<String, String> variables = Map.of("customer", customer, "agent", agent, "bank", properties.bankName(language));
            List<MacroPolicy.Step> steps = MacroPolicy.steps(m, variables);
            Conversation after = c;
            for (MacroPolicy.Step step : steps) {
                if (step instanceof MacroPolicy.Reply r) {
                    work.reply(me, conversationId, r.text());
                } else if (step instanceof MacroPolicy.Note n) {
                    work.note(me, conversationId, n.text());
                } else if (step instanceof MacroPolicy.Transfer t) {
                    after = work.transfer(me, conversationId, t.queue(), null);
                } else if (step instanceof MacroPolicy.End e) {
                    after = work.end(me, conversationId, e.wrapUpCode());
                }
            }
            if (after == c) {
                after = work.conversation(conversationId);
            }
            List<String> names = steps.stream().map(x -> x.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)).toList();
            audit.success("contact.macro.apply", "conversation:" + conversationId,
                    Map.of("macro", m.code(), "steps", String.join(",", names)));
            return new Applied(after, names);
        });
    }
}
