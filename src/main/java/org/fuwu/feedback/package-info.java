/**
 * Feedback (客户评价): ratings after service, and later the CSAT/NPS/CES surveys and their analysis.
 *
 * <p>So far: a customer rates one served interaction (a conversation, a lobby ticket, a case) once, from
 * 1 to 5 with an optional comment (encrypted at rest); {@link org.fuwu.feedback.Ratings} is the module's API
 * and {@link org.fuwu.feedback.RatingGiven} its event. The contact centre asks for the rating at the end of
 * a chat and shows a customer's past ratings in the agent's customer 360.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback", allowedDependencies = {"platform"})
package org.fuwu.feedback;
