package org.fuwu.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.routing.AgentCapacity;
import org.fuwu.routing.AgentView;
import org.fuwu.routing.ContactItem;
import org.fuwu.routing.Media;
import org.fuwu.routing.Presence;
import org.fuwu.routing.Relaxation;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.routing.SkillsRouter;

/**
 * Who of the team handles a case (named policy, plain Java), through the routing core: each officer is an
 * {@link AgentView} whose open cases are its load of {@link Media#TASK} against a capacity of {@code maxOpen},
 * the case a {@link ContactItem} that needs the skill of its business type (e.g. {@code cards} ≥ 2 for debit
 * cards) and excludes the recused officers (named in the complaint, or who recorded it). The routing core says
 * who is eligible; among them the one with the fewest open cases, then the most proficient, then the lowest id.
 * When no eligible officer has the skill, the requirement is dropped (any officer of the team, said so); when
 * nobody is eligible at all, the case stays with the team. The explanation says why, like the contact
 * centre's "why you".
 *
 * @param maxOpen the most open cases an officer holds; more are not assigned to them
 */
public record AssignmentPolicy(int maxOpen) {

    public static final AssignmentPolicy DEFAULT = new AssignmentPolicy(30);

    public AssignmentPolicy {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("an officer holds at least one case: " + maxOpen);
        }
    }

    /** An officer of the team as the policy sees them: skills with proficiency and how many cases they hold open. */
    public record Candidate(long accountId, String username, String name, Map<String, Integer> skills, int openCases) {

        public Candidate {
            skills = Map.copyOf(skills);
        }
    }

    /**
     * The choice: the officer, or null when the case stays with the team; the explanation in English and its parts.
     */
    public record Choice(Long officerId, String officerName, String explanation, List<String> reasons) {
    }

    /**
     * Chooses the officer of a case.
     *
     * @param team the team's name (the routing queue)
     * @param label the case's label for the explanation (its number; never personal data)
     * @param need the skill of the case's business type, or null when it has none (not classified, or not mapped)
     * @param candidates the team's enabled officers
     * @param recused the usernames who may not take this case
     * @param now now
     */
    public Choice choose(String team, String label, SkillRequirement need, List<Candidate> candidates, Set<String> recused,
                         Instant now) {
        SkillsRouter router = new SkillsRouter(new AgentCapacity(Map.of(Media.TASK, maxOpen), Set.of()), Relaxation.NONE, 0, 0,
                Duration.ofSeconds(60));
        List<String> excluded = candidates.stream().filter(c -> recused.contains(c.username()))
                .map(c -> String.valueOf(c.accountId())).toList();
        List<AgentView> agents = candidates.stream().map(c -> new AgentView(String.valueOf(c.accountId()), c.name(),
                Presence.AVAILABLE, Set.of(team), c.skills(), Map.of(Media.TASK, c.openCases()), now)).toList();
        List<Candidate> eligible = eligible(router, team, label, need, candidates, agents, excluded, now);
        boolean relaxed = false;
        if (eligible.isEmpty() && need != null) {
            eligible = eligible(router, team, label, null, candidates, agents, excluded, now);
            relaxed = true;
        }
        int full = (int) candidates.stream().filter(c -> c.openCases() >= maxOpen).count();
        if (eligible.isEmpty()) {
            String why = "no officer of " + team + " can take " + label + ": " + candidates.size() + " in the team, "
                    + excluded.size() + " recused, " + full + " full (" + maxOpen + " open cases)";
            return new Choice(null, null, "stays with the team: " + why, List.of(why));
        }
        Candidate chosen = eligible.stream().min(Comparator.comparingInt(Candidate::openCases)
                .thenComparing(c -> -(need == null ? 0 : c.skills().getOrDefault(need.skill(), 0)))
                .thenComparingLong(Candidate::accountId)).orElseThrow();
        List<String> reasons = new ArrayList<>();
        if (need != null) {
            reasons.add(relaxed ? "nobody free has skill " + need.skill() + " ≥ " + need.level() + ", any officer of the team"
                    : "skill " + need.skill() + " " + chosen.skills().getOrDefault(need.skill(), 0) + " ≥ " + need.level());
        }
        reasons.add("fewest open cases " + chosen.openCases() + " of " + eligible.size() + " eligible");
        if (!excluded.isEmpty()) {
            reasons.add(excluded.size() + " recused");
        }
        return new Choice(chosen.accountId(), chosen.name(), "assigned " + label + " to " + chosen.name() + ": "
                + String.join(", ", reasons), List.copyOf(reasons));
    }

    private static List<Candidate> eligible(SkillsRouter router, String team, String label, SkillRequirement need,
                                            List<Candidate> candidates, List<AgentView> agents, List<String> excluded,
                                            Instant now) {
        ContactItem item = new ContactItem(label, team, Set.of(), Media.TASK, need == null ? List.of() : List.of(need), 0, false,
                now, null, Set.copyOf(excluded), label);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (router.eligible(agents.get(i), item, now)) {
                out.add(candidates.get(i));
            }
        }
        return out;
    }
}
