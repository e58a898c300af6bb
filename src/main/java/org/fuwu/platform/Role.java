package org.fuwu.platform;

/** The staff roles. A staff account holds one or more of them. */
public enum Role {
    ADMIN,
    AUDITOR,
    TELLER,
    LOBBY_MANAGER,
    AGENT,
    SUPERVISOR,
    COMPLAINT_OFFICER,
    QUALITY_MANAGER,
    RISK_ANALYST,
    ANALYST;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
