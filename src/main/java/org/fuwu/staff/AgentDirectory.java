package org.fuwu.staff;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff as the contact centre routes to them: an enabled account's name and skills with proficiency.
 * The contact centre keeps presence and queues itself; who the agent is and what they can do stays here.
 */
public interface AgentDirectory {

    /**
     * An agent's routing profile.
     *
     * @param accountId the staff account
     * @param username the login name
     * @param displayName the name shown to customers and in routing explanations, such as 李娜
     * @param skills skill code to proficiency 1 to 5
     * @param enabled whether the account may log in (a disabled account is never offered work)
     */
    record AgentProfile(long accountId, String username, String displayName, Map<String, Integer> skills,
                        boolean enabled) {

        public AgentProfile {
            skills = Map.copyOf(skills);
        }
    }

    Optional<AgentProfile> find(long accountId);

    Optional<AgentProfile> findByUsername(String username);

    /** The profiles of the accounts that hold a role (the complaint team: COMPLAINT_OFFICER), enabled or not, by id. */
    List<AgentProfile> withRole(org.fuwu.platform.Role role);

    /** The profiles of these accounts that exist, in no particular order. */
    List<AgentProfile> findAll(Collection<Long> accountIds);

    /**
     * Replaces the skills of an agent (a supervisor's change): only accounts with the AGENT role (409
     * otherwise); each skill must exist and its level be 1 to 5 (422). Audited as a staff change.
     */
    AgentProfile setSkills(long accountId, Map<String, Integer> skills);

    /** The name of a skill in a language (zh-CN or en), or the code when the skill is unknown. */
    String skillName(String code, String language);
}
