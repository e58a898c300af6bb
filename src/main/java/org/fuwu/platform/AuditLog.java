package org.fuwu.platform;

import java.util.Map;

/**
 * The tamper-evident audit log: append-only and hash-chained. Inside a transaction the record is
 * written in that transaction, so a change and its audit record commit or roll back together.
 */
public interface AuditLog {

    /** What happened: success, a failure of the action, or a denial of access. */
    enum Outcome { SUCCESS, FAILURE, DENIED }

    /**
     * Appends a record for the acting staff member (or {@code system}) from the current request's origin.
     *
     * @param action a stable dotted name, such as {@code customer.create} or {@code auth.login}
     * @param target what was acted on, such as {@code customer:42}; never personal data
     * @param details extra facts; never personal data
     */
    void record(String action, String target, Outcome outcome, Map<String, String> details);

    default void success(String action, String target) {
        record(action, target, Outcome.SUCCESS, Map.of());
    }

    default void success(String action, String target, Map<String, String> details) {
        record(action, target, Outcome.SUCCESS, details);
    }

    /** Appends a record for a named actor, for events with no security context yet, such as a failed login. */
    void recordAs(String actor, String origin, String action, String target, Outcome outcome, Map<String, String> details);
}
