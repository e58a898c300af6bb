package org.fuwu.organization.internal;

/**
 * A region of the bank (such as 华东区), grouping branches, and the business calendar they follow.
 *
 * @param version the optimistic-lock version, raised by every change
 */
public record Region(String code, String nameZh, String nameEn, String calendarCode, long version) {
}
