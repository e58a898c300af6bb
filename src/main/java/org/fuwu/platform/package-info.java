/**
 * The shared kernel: clock, ids, business calendars, personal-data protection (encryption, blind
 * index, masking), the tamper-evident audit log, staff security, error handling and i18n, and the
 * SMS port ({@link org.fuwu.platform.SmsGateway}, implemented in {@code sms}).
 *
 * <p>It is an open module: every other module may use it, and it depends on none of them. Its API
 * is the types in this package; the sub-packages hold the implementation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.fuwu.platform;
