package org.fuwu.routing;

/** The selection policies a branch (or contact-centre queue) can choose. */
public enum PolicyKind {
    /** Call by first-come order (longest waiting first). */
    FIRST_COME_FIRST_SERVED,
    /** Preferential, then VIP (level 3 to 1), then ordinary and appointments; first-come within a rank. */
    STRICT_PRIORITY,
    /** Weighted round robin between the lanes preferential, VIP and ordinary (appointments ride in ordinary). */
    WEIGHTED_ROUND_ROBIN,
    /** Highest score first: class boost plus time waited, so an old ordinary item eventually wins. */
    AGEING
}
