package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoutingBoardTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final SkillsRouter ROUTER = new SkillsRouter(AgentCapacity.DEFAULT, Relaxation.NONE, 20, 1, Duration.ofSeconds(20));

    static ContactItem item(String id, String queue, int priority, boolean vip, int waitedSeconds, SkillRequirement... req) {
        return new ContactItem(id, queue, Set.of(), Media.CHAT, List.of(req), priority, vip, NOW.minusSeconds(waitedSeconds),
                null, Set.of(), id);
    }

    static AgentView agent(String id, Set<String> queues, Map<String, Integer> skills, int idleSeconds, Map<Media, Integer> load) {
        return new AgentView(id, id, Presence.AVAILABLE, queues, skills, load, NOW.minusSeconds(idleSeconds));
    }

    @Test
    void aFreedAgentTakesTheHighestPriorityItemTheyAreEligibleForAcrossTheirQueues() {
        RoutingBoard board = new RoutingBoard(ROUTER);
        board.putItem(item("old-loans", "loans", 0, false, 300, SkillRequirement.required("loans", 3)));
        board.putItem(item("complaint", "cards", 10, false, 10, SkillRequirement.required("cards", 2)));
        board.putItem(item("expert-cards", "cards", 30, false, 10, SkillRequirement.required("cards", 5)));
        board.putAgent(agent("a", Set.of("loans", "cards"), Map.of("loans", 3, "cards", 3), 60, Map.of()));
        // effective priorities: old-loans 0+5, complaint 10+0, expert-cards 30 (but needs cards 5)
        assertThat(board.agentFree("a", NOW)).get().extracting(SkillsRouter.Offer::itemId).isEqualTo("complaint");
        assertThat(board.agentFree("a", NOW)).get().extracting(SkillsRouter.Offer::itemId).isEqualTo("old-loans");
        assertThat(board.agentFree("a", NOW)).isEmpty();
        assertThat(board.waiting()).isEqualTo(1);
    }

    @Test
    void anArrivingItemGoesToTheLongestIdleEligibleAgentAndAVipToTheMostProficient() {
        RoutingBoard board = new RoutingBoard(ROUTER);
        board.putAgent(agent("junior", Set.of("loans"), Map.of("loans", 3), 600, Map.of()));
        board.putAgent(agent("senior", Set.of("loans"), Map.of("loans", 5), 60, Map.of()));
        board.putAgent(agent("novice", Set.of("loans"), Map.of("loans", 1), 900, Map.of()));
        board.putItem(item("ordinary", "loans", 0, false, 5, SkillRequirement.required("loans", 3)));
        var o = board.itemArrived("ordinary", NOW).orElseThrow();
        assertThat(o.agentId()).isEqualTo("junior");
        assertThat(o.explanation()).contains("longest idle 10 min");
        board.putItem(item("vip", "loans", 0, true, 5, SkillRequirement.required("loans", 3)));
        assertThat(board.itemArrived("vip", NOW).orElseThrow().agentId()).isEqualTo("senior");
    }

    @Test
    void anAgentsOwnCapacityOverridesTheDefault() {
        RoutingBoard board = new RoutingBoard(ROUTER);
        board.putAgent(new AgentView("a", "a", Presence.AVAILABLE, Set.of("q"), Map.of(), Map.of(Media.CHAT, 1), NOW,
                Map.of(Media.CHAT, 1)));
        board.putItem(item("c", "q", 0, false, 5));
        assertThat(board.itemArrived("c", NOW)).isEmpty();
        assertThat(ROUTER.route(List.of(item("c", "q", 0, false, 5)), List.of(new AgentView("a", "a", Presence.AVAILABLE,
                Set.of("q"), Map.of(), Map.of(Media.CHAT, 1), NOW, Map.of(Media.CHAT, 2))), NOW)).hasSize(1);
    }
}
