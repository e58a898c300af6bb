package org.fuwu.queueing.internal;

/**
 * A branch's lobby settings for remote queueing and appointments.
 *
 * @param branchCode the branch
 * @param remoteCheckInRequired when on, a ticket taken remotely (channel MOBILE) is not called until its
 *        holder checks in on arrival (on the status page or at the kiosk); it keeps its place from issue
 * @param slotMinutes the length of an appointment slot (5..240)
 * @param bookingDaysAhead how many days ahead appointments are taken (0..90)
 * @param version the optimistic-lock version (0 for a branch still on the defaults)
 */
public record LobbySettings(String branchCode, boolean remoteCheckInRequired, int slotMinutes, int bookingDaysAhead,
                            long version) {
}
