package org.fuwu.routing;

/**
 * A skill a work item needs (a language, a product, a channel), with the proficiency it needs (1 to 5).
 *
 * @param skill the skill's name, such as {@code loans} or {@code lang:en}
 * @param level the proficiency needed, 1 to 5
 * @param optional whether the requirement is dropped when the item has waited long enough
 */
public record SkillRequirement(String skill, int level, boolean optional) {

    public SkillRequirement {
        if (skill == null || skill.isBlank()) {
            throw new IllegalArgumentException("a requirement names its skill");
        }
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("proficiency is 1 to 5: " + level);
        }
    }

    public static SkillRequirement required(String skill, int level) {
        return new SkillRequirement(skill, level, false);
    }

    public static SkillRequirement optional(String skill, int level) {
        return new SkillRequirement(skill, level, true);
    }
}
