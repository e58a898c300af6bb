package org.fuwu.queueing;

/** Something that changed a branch's lobby: every ticket event of this module is one. */
public interface LobbyEvent {

    /** The branch whose lobby changed. */
    String branchCode();
}
