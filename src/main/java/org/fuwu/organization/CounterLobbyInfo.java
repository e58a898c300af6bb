package org.fuwu.organization;

import java.util.List;
import java.util.Map;

/**
 * A port organization offers for what another module knows about its counters at work: which
 * services each serves and its state now. The lobby (queueing) implements it, so that
 * {@code GET /api/v1/branches/{b}/counters} shows them without organization depending on the lobby.
 */
public interface CounterLobbyInfo {

    /**
     * A counter at work.
     *
     * @param services the service type codes it serves, preferred first
     * @param state OPEN, PAUSED or CLOSED
     * @param teller the staff member at it, or null
     */
    record Info(List<String> services, String state, String teller) {
    }

    /** The counters of a branch that the lobby knows, by counter code. */
    Map<String, Info> of(String branchCode);
}
