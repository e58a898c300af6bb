package org.fuwu.organization.internal;

/** A service zone of a branch lobby, such as the large-cash or the wealth-management zone. */
public record Zone(String branchCode, String code, String nameZh, String nameEn, ZoneKind kind, boolean active,
                   long version) {
}
