package org.fuwu.queueing.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fuwu.organization.Branches;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.DemoData;
import org.fuwu.queueing.internal.CounterService;
import org.fuwu.queueing.internal.QueueingStore;
import org.fuwu.queueing.internal.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo bank's lobbies: every demo branch offers A cash, B non-cash, C wealth, D corporate and
 * V VIP, in the zones organization's demo gave it, and its counters serve them as their kind
 * suggests (counters 1-2 large cash, 3-4 small cash, then non-cash, the last two wealth and VIP).
 * Runs after organization's loader; does nothing for a branch that already has service types.
 */
@Component
@Profile("demo")
@Order(DemoData.CUSTOMER + 100)
class QueueingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QueueingDemoData.class);

    /** The demo branches, their counter count and VIP zone (organization's demo numbers zones in kind order). */
    private static final Map<String, int[]> BRANCHES = Map.of(
            "B001", new int[] {8, 7}, "B002", new int[] {7, 6}, "B003", new int[] {6, 6}, "B101", new int[] {7, 7});

    private final QueueingStore store;
    private final Branches branches;
    private final AuditLog audit;

    QueueingDemoData(QueueingStore store, Branches branches, AuditLog audit) {
        this.store = store;
        this.branches = branches;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int loaded = 0;
        for (var e : new java.util.TreeMap<>(BRANCHES).entrySet()) {
            String b = e.getKey();
            if (branches.find(b).isEmpty() || !store.services(b).isEmpty()) {
                continue;
            }
            int counters = e.getValue()[0];
            String vipZone = "Z%02d".formatted(e.getValue()[1]);
            store.insertService(new ServiceType(b, "A", "现金业务", "Cash", "Z01", "A", 15 * 60, 4 * 60, 10, true, 0));
            store.insertService(new ServiceType(b, "B", "非现金业务", "Non-cash", "Z03", "B", 15 * 60, 6 * 60, 20, true, 0));
            store.insertService(new ServiceType(b, "C", "理财业务", "Wealth management", "Z04", "C", 20 * 60, 15 * 60, 30, true, 0));
            store.insertService(new ServiceType(b, "D", "对公业务", "Corporate", "Z03", "D", 20 * 60, 10 * 60, 40, true, 0));
            store.insertService(new ServiceType(b, "V", "贵宾业务", "VIP", vipZone, "V", 5 * 60, 8 * 60, 50, true, 0));
            for (int i = 1; i <= counters; i++) {
                String counter = "C%02d".formatted(i);
                store.replaceCounter(b, counter, cells(counter, servicesOf(i, counters)));
            }
            loaded++;
        }
        if (loaded > 0) {
            audit.success("queueing.demo.load", "queueing:demo", Map.of("branches", String.valueOf(loaded)));
            log.info("Demo lobbies loaded for {} branches", loaded);
        }
    }

    private static List<String> servicesOf(int i, int total) {
        if (i == total) {
            return List.of("V", "C", "A");
        }
        if (i == total - 1) {
            return List.of("C", "B");
        }
        return switch (i) {
            case 1, 2 -> List.of("A");
            case 3, 4 -> List.of("A", "B");
            default -> List.of("B", "D");
        };
    }

    private static List<CounterService> cells(String counter, List<String> services) {
        List<CounterService> cells = new ArrayList<>();
        for (String s : services) {
            cells.add(new CounterService(counter, s, cells.size() + 1));
        }
        return cells;
    }
}
