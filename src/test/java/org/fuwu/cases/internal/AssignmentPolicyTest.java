package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.routing.SkillRequirement;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final SkillRequirement CARDS = SkillRequirement.required("cards", 2);

    static AssignmentPolicy.Candidate officer(long id, String name, int open, Object... skills) {
        Map<String, Integer> s = new java.util.HashMap<>();
        for (int i = 0; i < skills.length; i += 2) {
            s.put((String) skills[i], (Integer) skills[i + 1]);
        }
        return new AssignmentPolicy.Candidate(id, "u" + id, name, s, open);
    }

    @Test
    void theOfficerWithTheSkillAndFewestOpenCasesGetsItAndTheExplanationSaysWhy() {
        var choice = new AssignmentPolicy(30).choose("complaints", "TS2026000001", CARDS, List.of(
                officer(1, "李娜", 2, "cards", 5), officer(2, "周静", 1, "cards", 3), officer(3, "王芳", 0, "loans", 5)),
                Set.of(), NOW);
        assertThat(choice.officerId()).isEqualTo(2L);
        assertThat(choice.explanation()).isEqualTo("assigned TS2026000001 to 周静: skill cards 3 ≥ 2, fewest open cases 1 of 2 eligible");
    }

    @Test
    void withEqualWorkloadTheMoreProficientThenTheLowerIdWins() {
        var p = AssignmentPolicy.DEFAULT;
        assertThat(p.choose("t", "C", CARDS, List.of(officer(1, "a", 1, "cards", 2), officer(2, "b", 1, "cards", 4)), Set.of(), NOW)
                .officerId()).isEqualTo(2L);
        assertThat(p.choose("t", "C", CARDS, List.of(officer(7, "a", 1, "cards", 4), officer(5, "b", 1, "cards", 4)), Set.of(), NOW)
                .officerId()).isEqualTo(5L);
    }

    @Test
    void aRecusedOfficerIsNeverChosenEvenWhenBestPlaced() {
        var choice = AssignmentPolicy.DEFAULT.choose("t", "C", CARDS, List.of(officer(1, "a", 0, "cards", 5),
                officer(2, "b", 9, "cards", 2)), Set.of("u1"), NOW);
        assertThat(choice.officerId()).isEqualTo(2L);
        assertThat(choice.reasons()).contains("1 recused");
    }

    @Test
    void anOfficerAtCapacityIsSkipped() {
        var choice = new AssignmentPolicy(3).choose("t", "C", null, List.of(officer(1, "a", 3), officer(2, "b", 2)), Set.of(), NOW);
        assertThat(choice.officerId()).isEqualTo(2L);
    }

    @Test
    void withoutAnyoneHavingTheSkillTheRequirementIsDroppedAndSaid() {
        var choice = AssignmentPolicy.DEFAULT.choose("t", "C", CARDS, List.of(officer(1, "a", 4, "loans", 5), officer(2, "b", 1,
                "cards", 1)), Set.of(), NOW);
        assertThat(choice.officerId()).isEqualTo(2L);
        assertThat(choice.reasons().get(0)).isEqualTo("nobody free has skill cards ≥ 2, any officer of the team");
    }

    @Test
    void whenNobodyCanTakeItTheCaseStaysWithTheTeam() {
        var choice = new AssignmentPolicy(2).choose("complaints", "C", null, List.of(officer(1, "a", 2), officer(2, "b", 0)),
                Set.of("u2"), NOW);
        assertThat(choice.officerId()).isNull();
        assertThat(choice.explanation()).isEqualTo(
                "stays with the team: no officer of complaints can take C: 2 in the team, 1 recused, 1 full (2 open cases)");
        assertThat(AssignmentPolicy.DEFAULT.choose("t", "C", CARDS, List.of(), Set.of(), NOW).officerId()).isNull();
    }

    @Test
    void capacityIsAtLeastOne() {
        assertThatThrownBy(() -> new AssignmentPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
