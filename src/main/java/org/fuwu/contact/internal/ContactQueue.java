package org.fuwu.contact.internal;

import java.util.List;
import java.util.Set;

import org.fuwu.routing.SkillRequirement;

/**
 * A contact-centre queue: the skills its work needs, its base priority, where it overflows to, and its
 * service-level target ({@code slPercent} % answered within {@code slSeconds}).
 */
public record ContactQueue(String code, String nameZh, String nameEn, int priority, List<SkillRequirement> skills,
                           Set<String> overflowQueues, int slSeconds, int slPercent, boolean active) {

    public ContactQueue {
        skills = List.copyOf(skills);
        overflowQueues = Set.copyOf(overflowQueues);
    }

    public String name(String language) {
        return language != null && language.startsWith("en") ? nameEn : nameZh;
    }
}
