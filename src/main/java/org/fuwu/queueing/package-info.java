/**
 * The branch lobby (网点排队): service types per branch and the counters that serve them, taking a
 * ticket at the kiosk, from the phone or through the lobby manager, and following it by an
 * unguessable status token.
 *
 * <p>Its API for other modules is the events in this package ({@link org.fuwu.queueing.TicketIssued},
 * {@link org.fuwu.queueing.TicketCancelled}); everything else sits in the {@code internal},
 * {@code web} and {@code demo} sub-packages. Branches, zones and counters belong to organization and
 * are referenced by their codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queueing",
        allowedDependencies = {"platform", "organization", "customer", "routing"})
package org.fuwu.queueing;
