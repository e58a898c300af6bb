package org.fuwu.organization.internal;

/**
 * A counter (窗口) of a branch.
 *
 * @param number the number shown to customers, on the ticket and the display board
 * @param zoneCode the zone it stands in
 */
public record Counter(String branchCode, String code, String number, String zoneCode, CounterKind kind, boolean active,
                      long version) {
}
