package org.fuwu.cases.internal;

import java.util.List;

import org.fuwu.platform.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo bank's holders of the escalation levels (profile {@code demo}), when none are named yet: the supervisor
 * is the team lead and the branch head bank-wide, the lobby manager of B001 stands in as that branch's head, and the
 * complaint officer answers for the head office.
 */
@Component
@Profile("demo")
@Order(DemoData.CUSTOMER + 50)
class EscalationDemoData implements ApplicationRunner {

    private final SlaService sla;

    EscalationDemoData(SlaService sla) {
        this.sla = sla;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!sla.holders().isEmpty()) {
            return;
        }
        try {
            sla.putHolders("TEAM_LEAD", SlaService.BANK, List.of("supervisor1"));
            sla.putHolders("BRANCH_HEAD", SlaService.BANK, List.of("supervisor1"));
            sla.putHolders("BRANCH_HEAD", "B001", List.of("lobby1"));
            sla.putHolders("HEAD_OFFICE", SlaService.BANK, List.of("officer1"));
        } catch (org.fuwu.platform.FieldValidationException e) {
            // the demo staff or branch is not there (a trimmed demo): no holders, escalations still notify the officer
        }
    }
}
