package org.fuwu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.routing.SkillsRouter.Offer;
import org.junit.jupiter.api.Test;

class SkillsRouterTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    final SkillsRouter router = SkillsRouter.DEFAULT;

    static AgentView agent(String id, String name, Map<String, Integer> skills, int idleMinutes, Map<Media, Integer> load) {
        return new AgentView(id, name, load.isEmpty() ? Presence.AVAILABLE : Presence.BUSY, Set.of("cards", "loans"),
                skills, load, NOW.minus(Duration.ofMinutes(idleMinutes)));
    }

    static ContactItem item(String id, Media media, List<SkillRequirement> req, int priority, boolean vip,
                            int waitedSeconds) {
        return new ContactItem(id, "loans", Set.of("general"), media, req, priority, vip,
                NOW.minusSeconds(waitedSeconds), null, Set.of(), id);
    }

    @Test
    void anItemGoesToTheLongestIdleAgentWithTheSkillsAndIsExplained() {
        AgentView li = agent("a1", "李娜", Map.of("loans", 4, "lang:zh", 5), 3, Map.of());
        AgentView wang = agent("a2", "王强", Map.of("loans", 3, "lang:zh", 5), 1, Map.of());
        AgentView zhao = agent("a3", "赵敏", Map.of("cards", 5, "lang:zh", 5), 9, Map.of()); // no loans skill
        List<Offer> offers = router.route(List.of(item("C7", Media.CHAT,
                List.of(SkillRequirement.required("loans", 3)), 0, false, 5)), List.of(li, wang, zhao), NOW);
        assertThat(offers).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo("a1");
            assertThat(o.explanation()).isEqualTo("offered C7 to 李娜: skill loans 4 ≥ 3, longest idle 3 min");
            assertThat(o.expiresAt()).isEqualTo(NOW.plusSeconds(20));
        });
    }

    @Test
    void aVipGoesToTheMostProficientAgentAndRanksFirst() {
        AgentView junior = agent("a1", "李娜", Map.of("loans", 3), 10, Map.of());
        AgentView senior = agent("a2", "王强", Map.of("loans", 5), 1, Map.of());
        ContactItem ordinary = item("C1", Media.VOICE, List.of(SkillRequirement.required("loans", 3)), 0, false, 50);
        ContactItem vip = item("C2", Media.VOICE, List.of(SkillRequirement.required("loans", 3)), 0, true, 5);
        List<Offer> offers = router.route(List.of(ordinary, vip), List.of(junior, senior), NOW);
        assertThat(offers).extracting(Offer::itemId).containsExactly("C2", "C1");
        assertThat(offers.get(0).agentId()).isEqualTo("a2");
        assertThat(offers.get(0).explanation()).isEqualTo("offered C2 to 王强: skill loans 5 ≥ 3, most proficient, VIP boost");
        assertThat(offers.get(1).agentId()).isEqualTo("a1");
    }

    @Test
    void aComplaintRanksHigherAndItemsAgeSoNoneWaitsForever() {
        ContactItem complaint = item("K1", Media.EMAIL, List.of(), 10, false, 0);
        ContactItem old = item("E1", Media.EMAIL, List.of(), 0, false, 11 * 60); // 11 minutes: 0 + 11 > 10
        ContactItem fresh = item("E2", Media.EMAIL, List.of(), 0, false, 60);
        assertThat(router.effectivePriority(old, NOW)).isEqualTo(11);
        List<Offer> offers = router.route(List.of(fresh, complaint, old),
                List.of(agent("a1", "李娜", Map.of(), 1, Map.of())), NOW);
        assertThat(offers).extracting(Offer::itemId).containsExactly("E1", "K1", "E2");
    }

    @Test
    void thePreferredAgentTakesTheCustomerBackWhenEligibleElseTheFallbackApplies() {
        AgentView li = agent("a1", "李娜", Map.of("loans", 4), 9, Map.of());
        AgentView wang = agent("a2", "王强", Map.of("loans", 4), 1, Map.of());
        ContactItem back = new ContactItem("C9", "loans", Set.of(), Media.CHAT, List.of(), 0, false, NOW, "a2",
                Set.of(), "C9");
        assertThat(router.route(List.of(back), List.of(li, wang), NOW)).singleElement()
                .satisfies(o -> assertThat(o.explanation()).contains("王强").contains("preferred agent"));
        AgentView wangOnBreak = new AgentView("a2", "王强", Presence.BREAK, Set.of("loans"), Map.of("loans", 4), Map.of(), NOW);
        assertThat(router.route(List.of(back), List.of(li, wangOnBreak), NOW)).singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("a1"));
    }

    @Test
    void aDeclinedOrTimedOutOfferIsRoutedAgainWithoutThatAgent() {
        AgentView li = agent("a1", "李娜", Map.of(), 9, Map.of());
        AgentView wang = agent("a2", "王强", Map.of(), 1, Map.of());
        ContactItem c = item("C3", Media.CHAT, List.of(), 0, false, 0);
        assertThat(router.route(List.of(c), List.of(li, wang), NOW).get(0).agentId()).isEqualTo("a1");
        assertThat(router.route(List.of(c.excluding("a1")), List.of(li, wang), NOW).get(0).agentId()).isEqualTo("a2");
        assertThat(router.route(List.of(c.excluding("a1").excluding("a2")), List.of(li, wang), NOW)).isEmpty();
    }

    @Test
    void requirementsRelaxInStepsWhileTheItemWaits() {
        AgentView general = new AgentView("g1", "周杰", Presence.AVAILABLE, Set.of("general"), Map.of("loans", 2), Map.of(), NOW);
        List<SkillRequirement> req = List.of(SkillRequirement.required("loans", 3), SkillRequirement.optional("lang:en", 4));
        // at once: nobody has loans 3 and English 4 in the loans queue
        assertThat(router.route(List.of(item("C5", Media.CHAT, req, 0, false, 10)), List.of(general), NOW)).isEmpty();
        Relaxation.Relaxed r30 = Relaxation.DEFAULT.at(item("C5", Media.CHAT, req, 0, false, 30), NOW);
        assertThat(r30.requirements()).containsExactly(SkillRequirement.required("loans", 3));
        Relaxation.Relaxed r60 = Relaxation.DEFAULT.at(item("C5", Media.CHAT, req, 0, false, 60), NOW);
        assertThat(r60.requirements()).containsExactly(SkillRequirement.required("loans", 2));
        assertThat(r60.queues()).containsExactly("loans");
        // after 2 minutes it overflows to the general queue, where loans 2 is now enough
        List<Offer> late = router.route(List.of(item("C5", Media.CHAT, req, 0, false, 125)), List.of(general), NOW);
        assertThat(late).singleElement().satisfies(o -> assertThat(o.explanation())
                .isEqualTo("offered C5 to 周杰: skill loans 2 ≥ 2, longest idle 0 min, relaxed 3 steps, overflow from loans"));
    }

    @Test
    void capacityPerMediumAndNoOtherOfferDuringACall() {
        AgentCapacity cap = AgentCapacity.DEFAULT;
        AgentView onCall = agent("a1", "李娜", Map.of(), 0, Map.of(Media.VOICE, 1));
        assertThat(cap.canTake(onCall, Media.CHAT)).isFalse();
        assertThat(cap.canTake(onCall, Media.VOICE)).isFalse();
        AgentView chatting = agent("a2", "王强", Map.of(), 0, Map.of(Media.CHAT, 2));
        assertThat(cap.canTake(chatting, Media.CHAT)).isTrue();
        assertThat(cap.canTake(chatting, Media.VOICE)).as("a call only to an agent with nothing else").isFalse();
        assertThat(cap.canTake(chatting, Media.EMAIL)).isTrue();
        AgentView full = agent("a3", "赵敏", Map.of(), 0, Map.of(Media.CHAT, 3));
        assertThat(cap.canTake(full, Media.CHAT)).isFalse();
        AgentView acw = new AgentView("a4", "周杰", Presence.AFTER_CALL_WORK, Set.of("loans"), Map.of(), Map.of(), NOW);
        assertThat(cap.canTake(acw, Media.EMAIL)).isFalse();
        // one round never fills an agent beyond capacity: three chats for one agent with room for one more
        List<ContactItem> chats = List.of(item("c1", Media.CHAT, List.of(), 0, false, 3),
                item("c2", Media.CHAT, List.of(), 0, false, 2), item("c3", Media.CHAT, List.of(), 0, false, 1));
        assertThat(SkillsRouter.DEFAULT.route(chats, List.of(chatting), NOW)).extracting(Offer::itemId).containsExactly("c1");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> SkillRequirement.required("loans", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkillsRouter(AgentCapacity.DEFAULT, Relaxation.NONE, -1, 1, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Relaxation.Step(Duration.ofSeconds(-1), false, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
