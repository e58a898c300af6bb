package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each policy on small hand-made lobbies, and the explanations. */
class SelectionPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final FairnessBound LOOSE = new FairnessBound(1000, Duration.ofDays(1));
    static final ServerView COUNTER = ServerView.serving("C01", "A");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static WaitingItem ordinary(String id, int minute) {
        return WaitingItem.of(id, "A", PriorityClass.ORDINARY, 0, at(minute), minute);
    }

    static WaitingItem vip(String id, int level, int minute) {
        return WaitingItem.of(id, "A", PriorityClass.VIP, level, at(minute), minute);
    }

    static WaitingItem preferential(String id, int minute) {
        return WaitingItem.of(id, "A", PriorityClass.PREFERENTIAL, 0, at(minute), minute);
    }

    static Decision call(PolicyKind kind, List<WaitingItem> waiting, int minute) {
        return SelectionPolicy.of(kind).select(COUNTER, waiting, RoutingState.INITIAL, at(minute));
    }

    @Test
    void firstComeCallsTheLongestWaitingAndOvertakesNobody() {
        List<WaitingItem> waiting = List.of(ordinary("A003", 3), vip("A002", 3, 2), ordinary("A001", 1));
        Decision decision = call(PolicyKind.FIRST_COME_FIRST_SERVED, waiting, 10);
        assertThat(decision.chosen().id()).isEqualTo("A001");
        assertThat(decision.overtaken()).isEmpty();
        assertThat(decision.reason()).isEqualTo(Decision.Reason.FIRST_COME);
        assertThat(decision.explain()).isEqualTo("A001 called: first come");
    }

    @Test
    void firstComeBreaksTiesOfArrivalBySequence() {
        WaitingItem later = WaitingItem.of("A002", "A", PriorityClass.ORDINARY, 0, at(1), 8);
        WaitingItem earlier = WaitingItem.of("A001", "A", PriorityClass.ORDINARY, 0, at(1), 7);
        assertThat(call(PolicyKind.FIRST_COME_FIRST_SERVED, List.of(later, earlier), 5).chosen()).isEqualTo(earlier);
    }

    @Test
    void aServerTakesOnlyItemsOfQueuesItServesAndSaysWhenNobodyWaits() {
        WaitingItem other = WaitingItem.of("B001", "B", PriorityClass.VIP, 3, at(0), 0);
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(other), 5);
        assertThat(decision.chosenItem()).isEmpty();
        assertThat(decision.reason()).isEqualTo(Decision.Reason.NONE_WAITING);
        assertThat(decision.explain()).isEqualTo("nobody waiting for C01");
        assertThat(decision.explanation().messageKey()).isEqualTo("routing.explanation.none");
    }

    @Test
    void strictPriorityCallsPreferentialThenVipByLevelThenOrdinary() {
        List<WaitingItem> waiting = new ArrayList<>(List.of(ordinary("A001", 1), vip("A002", 1, 2), vip("A003", 3, 3),
                preferential("A004", 4), ordinary("A005", 5)));
        SelectionPolicy policy = SelectionPolicy.of(PolicyParameters.of(PolicyKind.STRICT_PRIORITY, LOOSE));
        List<String> order = new ArrayList<>();
        RoutingState state = RoutingState.INITIAL;
        while (!waiting.isEmpty()) {
            Decision decision = policy.select(COUNTER, waiting, state, at(10));
            order.add(decision.chosen().id());
            waiting = new ArrayList<>(decision.apply(waiting));
            state = decision.nextState();
        }
        assertThat(order).containsExactly("A004", "A003", "A002", "A001", "A005");
    }

    @Test
    void anOvertakeIsRecordedAndExplainedWithItsCountAgainstTheBound() {
        WaitingItem a007 = ordinary("A007", 1).overtakenAt(at(2));
        WaitingItem a012 = vip("A012", 2, 3);
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(a007, a012), 4);
        assertThat(decision.chosen()).isEqualTo(a012);
        assertThat(decision.overtaken()).containsExactly(a007);
        assertThat(decision.reason()).isEqualTo(Decision.Reason.VIP);
        assertThat(decision.explain()).isEqualTo("A012 called before A007: VIP, overtakes 2 of 3");
        Decision.Explanation explanation = decision.explanation();
        assertThat(explanation.messageKey()).isEqualTo("routing.explanation.overtook");
        assertThat(explanation.reason().messageKey()).isEqualTo("routing.reason.vip");
        assertThat(explanation.overtaken()).containsExactly("A007");
        assertThat(explanation.overtakes()).isEqualTo(2);
        assertThat(explanation.bound()).isEqualTo(3);
    }

    @Test
    void applyingADecisionRemovesTheChosenAndCountsTheOvertakes() {
        WaitingItem a001 = ordinary("A001", 1);
        WaitingItem a002 = ordinary("A002", 2);
        WaitingItem p003 = preferential("P003", 3);
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(a001, a002, p003), 4);
        assertThat(decision.explain()).isEqualTo("P003 called before A001, A002: preferential, overtakes 1 of 3");
        List<WaitingItem> after = decision.apply(List.of(a001, a002, p003));
        assertThat(after).extracting(WaitingItem::id).containsExactly("A001", "A002");
        assertThat(after).allSatisfy(item -> {
            assertThat(item.overtakes()).isEqualTo(1);
            assertThat(item.firstOvertakenAt()).isEqualTo(at(4));
        });
        assertThat(after.get(0).overtakenAt(at(6)).firstOvertakenAt()).isEqualTo(at(4));
    }

    @Test
    void weightedRoundRobinServesVipAndOrdinaryTwoToOne() {
        PolicyParameters parameters = new PolicyParameters(PolicyKind.WEIGHTED_ROUND_ROBIN, LOOSE,
                Map.of(PriorityClass.VIP, 2, PriorityClass.ORDINARY, 1), null);
        SelectionPolicy policy = SelectionPolicy.of(parameters);
        List<WaitingItem> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(ordinary("O" + i, i));
            waiting.add(vip("V" + i, 1, i));
        }
        RoutingState state = RoutingState.INITIAL;
        List<PriorityClass> served = new ArrayList<>();
        for (int call = 0; call < 9; call++) {
            Decision decision = policy.select(COUNTER, waiting, state, at(30));
            served.add(decision.chosen().priorityClass());
            waiting = decision.apply(waiting);
            state = decision.nextState();
        }
        PriorityClass v = PriorityClass.VIP;
        PriorityClass o = PriorityClass.ORDINARY;
        assertThat(served).containsExactly(v, o, v, v, o, v, v, o, v);
    }

    @Test
    void weightedRoundRobinStateIsAnExplicitValue() {
        SelectionPolicy policy = SelectionPolicy.of(PolicyParameters.of(PolicyKind.WEIGHTED_ROUND_ROBIN, LOOSE));
        List<WaitingItem> waiting = List.of(ordinary("O1", 1), vip("V1", 1, 2), preferential("P1", 3));
        Decision first = policy.select(COUNTER, waiting, RoutingState.INITIAL, at(5));
        Decision again = policy.select(COUNTER, waiting, RoutingState.INITIAL, at(5));
        assertThat(again).isEqualTo(first);
        assertThat(first.chosen().id()).isEqualTo("P1");
        assertThat(first.nextState()).isNotEqualTo(RoutingState.INITIAL);
        // with the state after a preferential call, the VIP lane is next
        Decision second = policy.select(COUNTER, waiting, first.nextState(), at(6));
        assertThat(second.chosen().id()).isEqualTo("V1");
        assertThat(second.reason()).isEqualTo(Decision.Reason.VIP);
    }

    @Test
    void ageingEventuallyServesTheOldOrdinaryItemBeforeNewVips() {
        SelectionPolicy policy = SelectionPolicy.of(PolicyParameters.of(PolicyKind.AGEING, LOOSE));
        WaitingItem old = ordinary("A001", 0);
        // shortly after, a newly arrived VIP (head start 5 min) goes first
        Decision early = policy.select(COUNTER, List.of(old, vip("V001", 1, 1)), RoutingState.INITIAL, at(2));
        assertThat(early.chosen().id()).isEqualTo("V001");
        // once the ordinary customer waited longer than a VIP's head start, it wins against newcomers
        Decision late = policy.select(COUNTER, List.of(old, vip("V002", 1, 19)), RoutingState.INITIAL, at(20));
        assertThat(late.chosen().id()).isEqualTo("A001");
        // and a stream of VIPs arriving every minute cannot hold it back for long
        List<WaitingItem> waiting = new ArrayList<>(List.of(old));
        int servedAt = -1;
        for (int minute = 1; minute <= 60 && servedAt < 0; minute++) {
            waiting.add(vip("V" + (100 + minute), 2, minute));
            Decision decision = policy.select(COUNTER, waiting, RoutingState.INITIAL, at(minute));
            if (decision.chosen().id().equals("A001")) {
                servedAt = minute;
            }
            waiting = new ArrayList<>(decision.apply(waiting));
        }
        assertThat(servedAt).isBetween(10, 12);
    }

    @Test
    void anAppointmentRanksAsIfItArrivedAtItsBookedTime() {
        WaitingItem booked = WaitingItem.appointment("R001", "A", at(30), at(60), 1000);
        List<WaitingItem> waiting = new ArrayList<>(List.of(booked, ordinary("A001", 40), ordinary("A002", 50),
                ordinary("A003", 58), ordinary("A004", 61), ordinary("A005", 62)));
        for (PolicyKind kind : PolicyKind.values()) {
            List<String> order = new ArrayList<>();
            List<WaitingItem> queue = waiting;
            for (int minute = 55; !queue.isEmpty(); minute += 2) {
                Decision decision = call(kind, queue, minute);
                order.add(decision.chosen().id());
                assertThat(decision.overtaken()).isEmpty();
                queue = decision.apply(queue);
            }
            assertThat(order).as(kind.name()).containsExactly("A001", "A002", "A003", "R001", "A004", "A005");
        }
    }

    @Test
    void anEarlyAppointmentIsCalledWhenNobodyElseWaits() {
        WaitingItem booked = WaitingItem.appointment("R001", "A", at(30), at(60), 1);
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(booked), 35);
        assertThat(decision.chosen()).isEqualTo(booked);
    }

    @Test
    void aCounterCallsItsPreferredServiceFirst() {
        ServerView counter = new ServerView("C02", Map.of("A", 1, "B", 2));
        WaitingItem b = WaitingItem.of("B001", "B", PriorityClass.ORDINARY, 0, at(1), 1);
        WaitingItem a = ordinary("A002", 2);
        Decision decision = SelectionPolicy.of(PolicyKind.FIRST_COME_FIRST_SERVED)
                .select(counter, List.of(b, a), RoutingState.INITIAL, at(5));
        assertThat(decision.chosen()).isEqualTo(a);
        assertThat(decision.overtaken()).containsExactly(b);
        assertThat(decision.reason()).isEqualTo(Decision.Reason.QUEUE_PREFERENCE);
        assertThat(decision.explain()).isEqualTo("A002 called before B001: preferred service of the counter, overtakes 1 of 3");
    }

    @Test
    void anOrdinaryItemOvertakenKTimesIsCalledBeforeAnyLaterPriorityItem() {
        WaitingItem tired = ordinary("A007", 1);
        for (int i = 0; i < 3; i++) {
            tired = tired.overtakenAt(at(2 + i));
        }
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(tired, preferential("P001", 6)), 7);
        assertThat(decision.chosen()).isEqualTo(tired);
        assertThat(decision.reason()).isEqualTo(Decision.Reason.FAIRNESS_BOUND);
        assertThat(decision.boundItem()).isEqualTo("A007");
        assertThat(decision.explain()).isEqualTo("A007 called: fairness bound of A007");
    }

    @Test
    void anOrdinaryItemFirstOvertakenMMinutesAgoIsNotOvertakenAgain() {
        WaitingItem waited = ordinary("A007", 1).overtakenAt(at(2));
        WaitingItem vip = vip("V001", 3, 5);
        assertThat(call(PolicyKind.STRICT_PRIORITY, List.of(waited, vip), 11).chosen()).isEqualTo(vip);
        assertThat(call(PolicyKind.STRICT_PRIORITY, List.of(waited, vip), 12).chosen()).isEqualTo(waited);
    }

    @Test
    void priorityItemsEarlierThanAClosedItemMayStillGoFirst() {
        WaitingItem a001 = ordinary("A001", 1);
        WaitingItem vipEarly = vip("V001", 1, 2);
        WaitingItem closed = ordinary("A003", 3).overtakenAt(at(4)).overtakenAt(at(5)).overtakenAt(at(6));
        WaitingItem vipLate = vip("V002", 3, 7);
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(a001, vipEarly, closed, vipLate), 8);
        assertThat(decision.chosen()).isEqualTo(vipEarly);
        assertThat(decision.overtaken()).containsExactly(a001);
        assertThat(decision.reason()).isEqualTo(Decision.Reason.FAIRNESS_BOUND);
    }

    @Test
    void aZeroBoundMeansOrdinaryCustomersAreNeverOvertaken() {
        SelectionPolicy policy = SelectionPolicy.of(PolicyParameters.of(PolicyKind.STRICT_PRIORITY,
                new FairnessBound(0, Duration.ofMinutes(10))));
        Decision decision = policy.select(COUNTER, List.of(ordinary("A001", 1), vip("V001", 3, 2)),
                RoutingState.INITIAL, at(3));
        assertThat(decision.chosen().id()).isEqualTo("A001");
    }

    @Test
    void priorityItemsAreNotProtectedByTheBound() {
        WaitingItem vip = vip("V001", 1, 1);
        for (int i = 0; i < 5; i++) {
            vip = vip.overtakenAt(at(2));
        }
        Decision decision = call(PolicyKind.STRICT_PRIORITY, List.of(vip, preferential("P001", 3)), 30);
        assertThat(decision.chosen().id()).isEqualTo("P001");
        assertThat(decision.explain()).isEqualTo("P001 called before V001: preferential");
    }

    @Test
    void theEnglishBundleSaysWhatRenderSays() throws java.io.IOException {
        java.util.Properties bundle = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/messages/routing.properties")) {
            bundle.load(in);
        }
        WaitingItem tired = ordinary("A007", 1).overtakenAt(at(2)).overtakenAt(at(3)).overtakenAt(at(4));
        List<Decision> decisions = List.of(
                call(PolicyKind.STRICT_PRIORITY, List.of(ordinary("A007", 1).overtakenAt(at(2)), vip("A012", 2, 3)), 4),
                call(PolicyKind.STRICT_PRIORITY, List.of(vip("V001", 1, 1), preferential("P001", 3)), 4),
                call(PolicyKind.STRICT_PRIORITY, List.of(tired, preferential("P001", 6)), 7),
                call(PolicyKind.FIRST_COME_FIRST_SERVED, List.of(ordinary("A001", 1)), 4),
                call(PolicyKind.FIRST_COME_FIRST_SERVED, List.of(), 4));
        for (Decision decision : decisions) {
            Decision.Explanation explanation = decision.explanation();
            Object[] arguments = explanation.arguments();
            String reason = java.text.MessageFormat.format(bundle.getProperty(explanation.reason().messageKey()), arguments);
            Object[] withReason = java.util.Arrays.copyOf(arguments, 6);
            withReason[5] = reason;
            assertThat(java.text.MessageFormat.format(bundle.getProperty(explanation.messageKey()), withReason))
                    .isEqualTo(decision.explain());
        }
    }

    @Test
    void aTransferKeepsTheArrivalAndGoesToTheFrontOrTheBack() {
        WaitingItem served = ordinary("A001", 1).overtakenAt(at(2));
        WaitingItem b002 = WaitingItem.of("B002", "B", PriorityClass.ORDINARY, 0, at(5), 5);
        WaitingItem back = served.transferredTo("B", at(20));
        WaitingItem front = served.transferredTo("B", served.orderTime());
        assertThat(back.arrival()).isEqualTo(at(1));
        assertThat(back.overtakes()).isZero();
        assertThat(front.dueTime()).isNull();
        ServerView counter = ServerView.serving("C09", "B");
        SelectionPolicy policy = SelectionPolicy.of(PolicyKind.FIRST_COME_FIRST_SERVED);
        assertThat(policy.select(counter, List.of(b002, back), RoutingState.INITIAL, at(21)).chosen()).isEqualTo(b002);
        assertThat(policy.select(counter, List.of(b002, front), RoutingState.INITIAL, at(21)).chosen()).isEqualTo(front);
        WaitingItem booked = WaitingItem.appointment("R001", "A", at(0), at(10), 1).transferredTo("B", at(30));
        assertThat(booked.priorityClass()).isEqualTo(PriorityClass.ORDINARY);
    }

    @Test
    void invalidItemsAreRejected() {
        assertThatThrownBy(() -> WaitingItem.of("V", "A", PriorityClass.VIP, 0, T0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitingItem("R", "R", "A", PriorityClass.APPOINTMENT, 0, T0, 1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitingItem("O", "O", "A", PriorityClass.ORDINARY, 0, T0, 1, 2, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FairnessBound(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerView("C", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyParameters(PolicyKind.WEIGHTED_ROUND_ROBIN, null,
                Map.of(PriorityClass.VIP, 0), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrdinaryLabelIsShownInsteadOfTheId() {
        WaitingItem a007 = new WaitingItem("t-17", "A007", "A", PriorityClass.ORDINARY, 0, at(1), 1, 0, null, null);
        WaitingItem a012 = vip("t-22", 1, 2).withLabel("A012");
        assertThat(call(PolicyKind.STRICT_PRIORITY, List.of(a007, a012), 3).explain())
                .isEqualTo("A012 called before A007: VIP, overtakes 1 of 3");
    }
}
