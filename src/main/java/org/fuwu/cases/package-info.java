/**
 * Service requests and complaints (投诉处理): case types, classification, SLA and legal clocks, the
 * workflow, escalation, callbacks (回访), root cause and regulator statistics (issue 5).
 *
 * <p>So far: opening cases from every channel (the API and {@link org.fuwu.cases.CaseIntake} for other modules),
 * their clocks ({@code internal.CaseClock}) under the legal rule sets of China (CBIRC 2020 No. 3), the US (CFPB)
 * and the UK (FCA DISP) as data ({@code internal.LegalRuleSets}), acknowledgement, pause and resume, extension
 * with approval, decision and closure; events {@link org.fuwu.cases.CaseOpened} and {@link org.fuwu.cases.CaseClosed}.
 *
 * <p>SLA policies by type, severity and segment ({@code internal.SlaPolicyMatcher}), the SLA clocks on the business
 * calendar of the case's region ({@code internal.SlaClocks}), escalation rules as data and durable escalation timers
 * that fire exactly once ({@code internal.EscalationTimers}), event {@link org.fuwu.cases.CaseEscalated}. It reads the
 * organization ({@code Branches}: a branch's region and calendar) and staff ({@code AgentDirectory}: the holders of
 * the escalation levels).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = {"platform", "customer", "organization", "routing", "staff"})
package org.fuwu.cases;
