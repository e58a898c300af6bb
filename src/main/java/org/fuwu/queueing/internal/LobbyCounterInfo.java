package org.fuwu.queueing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fuwu.organization.CounterLobbyInfo;
import org.fuwu.queueing.internal.ConsoleStore.CounterState;
import org.springframework.stereotype.Component;

/**
 * The lobby's side of organization's {@link CounterLobbyInfo} port: each counter of the matrix with the
 * services it serves (preferred first) and its state (OPEN when it has no state row, as the console
 * treats it).
 */
@Component
class LobbyCounterInfo implements CounterLobbyInfo {

    private final QueueingStore store;
    private final ConsoleStore console;

    LobbyCounterInfo(QueueingStore store, ConsoleStore console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Map<String, Info> of(String branchCode) {
        Map<String, List<CounterService>> cells = new LinkedHashMap<>();
        for (CounterService c : store.matrix(branchCode)) {
            cells.computeIfAbsent(c.counterCode(), k -> new ArrayList<>()).add(c);
        }
        Map<String, CounterState> states = new LinkedHashMap<>();
        for (CounterState s : console.counterStates(branchCode)) {
            states.put(s.counterCode(), s);
        }
        Map<String, Info> out = new LinkedHashMap<>();
        cells.forEach((counter, list) -> {
            Optional<CounterState> s = Optional.ofNullable(states.get(counter));
            out.put(counter, new Info(list.stream().sorted(Comparator.comparingInt(CounterService::preference))
                    .map(CounterService::serviceCode).toList(), s.map(CounterState::state).orElse("OPEN"),
                    s.map(CounterState::teller).orElse(null)));
        });
        return out;
    }
}
