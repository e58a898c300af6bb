package org.fuwu.queueing.internal;

import java.util.List;

import org.fuwu.queueing.LobbyVisits;
import org.springframework.stereotype.Component;

/** {@link LobbyVisits} from the stored tickets (the counter console's visit history). */
@Component
class JdbcLobbyVisits implements LobbyVisits {

    private final ConsoleStore console;

    JdbcLobbyVisits(ConsoleStore console) {
        this.console = console;
    }

    @Override
    public List<LobbyVisit> of(long customerId, int limit) {
        return console.recentOfCustomer(customerId, -1, limit).stream()
                .map(v -> new LobbyVisit(v.ticket().issuedAt(), v.ticket().businessDay(), v.ticket().branchCode(),
                        v.ticket().serviceCode(), v.ticket().number(), v.status().name(), v.outcome()))
                .toList();
    }
}
