/**
 * The branch lobby (网点排队): service types per branch and the counters that serve them, taking a
 * ticket at the kiosk, from the phone or through the lobby manager, and following it by an
 * unguessable status token; and the counter console (柜员): call next by the branch's routing policy, recall, start, complete,
 * no-show, transfer, park and return; and the optional "almost your turn" SMS of a ticket, sent once
 * through platform's {@link org.fuwu.platform.SmsGateway} ({@code internal.AlmostTurnNotifier}, decision D17).
 *
 * <p>Its API for other modules is the events in this package ({@link org.fuwu.queueing.TicketIssued},
 * {@link org.fuwu.queueing.TicketCalled} (also for recalls), {@link org.fuwu.queueing.TicketServiceStarted},
 * {@link org.fuwu.queueing.TicketCompleted}, {@link org.fuwu.queueing.TicketTransferred},
 * {@link org.fuwu.queueing.TicketNoShow}, {@link org.fuwu.queueing.TicketCancelled}); everything else
 * sits in the {@code internal},
 * {@code web} and {@code demo} sub-packages. Branches, zones and counters belong to organization and
 * are referenced by their codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queueing",
        allowedDependencies = {"platform", "organization", "customer", "routing"})
package org.fuwu.queueing;
