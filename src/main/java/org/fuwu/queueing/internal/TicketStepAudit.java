package org.fuwu.queueing.internal;

import java.util.Map;

import org.fuwu.platform.AuditLog;

/**
 * The audit log as the lobby's services use it: with {@code fuwu.queueing.audit-ticket-steps=false}
 * the steps of single tickets ({@code queueing.ticket.*}: issue, call, start, complete, …) are not
 * appended to the hash chain, as decision D5 allows for high-rate operational events; each step
 * still stores its durable ticket event with its actor ({@code queue_ticket_event}). Configuration
 * changes (services, matrix, routing, counter state) are always audited.
 *
 * <p>Why it exists: every chain record takes the chain head's row lock until its transaction
 * commits, so audited ticket steps of the whole bank run one commit (one WAL flush) at a time; the
 * lobby benchmark ({@code bench/README.md}) measures what that costs.
 */
final class TicketStepAudit implements AuditLog {

    private final AuditLog delegate;
    private final boolean ticketSteps;

    TicketStepAudit(AuditLog delegate, boolean ticketSteps) {
        this.delegate = delegate;
        this.ticketSteps = ticketSteps;
    }

    private boolean skip(String action) {
        return !ticketSteps && action.startsWith("queueing.ticket.");
    }

    @Override
    public void record(String action, String target, Outcome outcome, Map<String, String> details) {
        if (!skip(action)) {
            delegate.record(action, target, outcome, details);
        }
    }

    @Override
    public void recordAs(String actor, String origin, String action, String target, Outcome outcome,
                         Map<String, String> details) {
        if (!skip(action)) {
            delegate.recordAs(actor, origin, action, target, outcome, details);
        }
    }
}
