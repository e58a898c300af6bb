/**
 * The port to the bank's core banking system (核心系统): a customer's products (accounts, cards, loans,
 * wealth holdings) as the agent workstation and the assistant show them. {@link org.fuwu.corebanking.CoreBanking}
 * is the API; {@code internal} holds the HTTP adapter to the bank's core API and the demo implementation of the
 * embedded default ({@code fuwu.corebanking.mode}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Core banking", allowedDependencies = {"platform"})
package org.fuwu.corebanking;
