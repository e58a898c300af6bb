package org.fuwu.contact.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.routing.Media;
import org.fuwu.staff.AgentDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads demo configuration for the demo loader (only what is missing), in one transaction. */
@Component
public class ContactDemoSupport {

    private final ContactConfigStore config;
    private final AgentStore agents;
    private final AgentDirectory directory;
    private final Clock clock;
    private final TransactionTemplate tx;

    ContactDemoSupport(ContactConfigStore config, AgentStore agents, AgentDirectory directory, Clock clock,
                       PlatformTransactionManager txManager) {
        this.config = config;
        this.agents = agents;
        this.directory = directory;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public void load(List<QueueAdmin.QueueInput> queues, List<ContactConfigStore.WrapUpCode> wrapUps,
                     List<ContactConfigStore.CannedResponse> canned, List<MacroPolicy.Macro> macros,
                     Map<String, Set<String>> agentQueues) {
        tx.executeWithoutResult(s -> {
            var now = clock.instant();
            for (QueueAdmin.QueueInput q : queues) {
                if (!config.queueExists(q.code())) {
                    config.insertQueue(new ContactQueue(q.code(), q.nameZh(), q.nameEn(), q.priority(), q.skills(),
                            Set.of(), q.slSeconds(), q.slPercent(), q.active()), now);
                }
            }
            for (QueueAdmin.QueueInput q : queues) {
                // overflow targets exist now
                config.queue(q.code()).filter(e -> e.overflowQueues().isEmpty() && !q.overflowQueues().isEmpty())
                        .ifPresent(e -> config.updateQueue(new ContactQueue(e.code(), e.nameZh(), e.nameEn(), e.priority(),
                                e.skills(), q.overflowQueues(), e.slSeconds(), e.slPercent(), e.active())));
            }
            var knownCodes = config.wrapUpCodes().stream().map(ContactConfigStore.WrapUpCode::code).toList();
            wrapUps.stream().filter(w -> !knownCodes.contains(w.code())).forEach(config::upsertWrapUpCode);
            for (ContactConfigStore.CannedResponse c : canned) {
                if (config.cannedResponses(c.language()).stream().noneMatch(x -> x.code().equals(c.code()))) {
                    config.upsertCannedResponse(c);
                }
            }
            for (MacroPolicy.Macro m : macros) {
                if (config.macro(m.code(), m.language()).isEmpty()) {
                    config.upsertMacro(m, now);
                }
            }
            agentQueues.forEach((username, qs) -> directory.findByUsername(username).ifPresent(p -> {
                if (agents.find(p.accountId()).isEmpty()) {
                    agents.ensure(p.accountId(), now);
                    agents.setQueuesAndCapacity(p.accountId(), qs, Map.<Media, Integer>of(), now);
                }
            }));
        });
    }
}
