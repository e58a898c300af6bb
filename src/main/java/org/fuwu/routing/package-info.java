/**
 * Routing (选号策略): who is called next, fairly, and how long a customer will wait.
 *
 * <p>Plain Java, no Spring: pure functions over immutable inputs with an explicit {@code now}, so
 * that the branch lobby, the contact centre and the simulator reuse the very same policies.
 *
 * <ul>
 *   <li>{@link org.fuwu.routing.SelectionPolicy} chooses the next {@link org.fuwu.routing.WaitingItem}
 *       for a {@link org.fuwu.routing.ServerView} and explains it in a {@link org.fuwu.routing.Decision}.
 *       Policies: {@link org.fuwu.routing.PolicyKind}, configured by {@link org.fuwu.routing.PolicyParameters}.</li>
 *   <li>Every policy is wrapped in the {@link org.fuwu.routing.FairnessBound}: an ordinary customer is
 *       overtaken at most K times, and never after M minutes from the first overtake.</li>
 *   <li>{@link org.fuwu.routing.WaitEstimator} gives P50 and P90 of a wait,
 *       {@link org.fuwu.routing.EstimateAccuracy} tracks how good they were.</li>
 *   <li>{@link org.fuwu.routing.ErlangC} for staffing.</li>
 *   <li>For the contact centre (issue 4, the policy core so far): {@link org.fuwu.routing.SkillsRouter} offers
 *       {@link org.fuwu.routing.ContactItem}s to {@link org.fuwu.routing.AgentView}s by skill and proficiency,
 *       priority with VIP boost and ageing, the preferred agent, and explains each offer; requirements relax
 *       in steps while an item waits ({@link org.fuwu.routing.Relaxation}); an agent's capacity per medium and
 *       the no-other-work-during-a-call rule are {@link org.fuwu.routing.AgentCapacity}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing", allowedDependencies = {"platform"})
package org.fuwu.routing;
