package org.fuwu.platform;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What part of the bank a staff account or API token may see: the whole bank, one region, or one
 * branch. The branch codes a region covers are resolved when the principal is built.
 */
public record Scope(Level level, String code, Set<String> branchCodes) implements Serializable {

    public enum Level { BANK, REGION, BRANCH }

    public Scope {
        Objects.requireNonNull(level, "level");
        branchCodes = branchCodes == null ? Set.of() : Set.copyOf(branchCodes);
        if (level != Level.BANK && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("a " + level + " scope names its code");
        }
    }

    public static Scope bank() {
        return new Scope(Level.BANK, null, Set.of());
    }

    public static Scope branch(String branchCode) {
        return new Scope(Level.BRANCH, branchCode, Set.of(branchCode));
    }

    public static Scope region(String regionCode, Set<String> branchCodes) {
        return new Scope(Level.REGION, regionCode, branchCodes);
    }

    /** Whether this scope lets its holder see the data of that branch. */
    public boolean coversBranch(String branchCode) {
        return level == Level.BANK || branchCodes.contains(branchCode);
    }

    /** Whether this scope covers every branch of the bank. */
    public boolean isBankWide() {
        return level == Level.BANK;
    }

    /** A short label such as {@code BRANCH:B001} or {@code BANK}. */
    public String label() {
        return level == Level.BANK ? "BANK" : level + ":" + code;
    }
}
