/**
 * Service requests and complaints (投诉处理): case types, classification, SLA and legal clocks, the
 * workflow, escalation, callbacks (回访), root cause and regulator statistics (issue 5).
 *
 * <p>So far: opening cases from every channel (the API and {@link org.fuwu.cases.CaseIntake} for other modules),
 * their clocks ({@code internal.CaseClock}) under the legal rule sets of China (CBIRC 2020 No. 3), the US (CFPB)
 * and the UK (FCA DISP) as data ({@code internal.LegalRuleSets}), acknowledgement, pause and resume, extension
 * with approval, decision and closure; events {@link org.fuwu.cases.CaseOpened} and {@link org.fuwu.cases.CaseClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = {"platform", "customer", "routing", "staff"})
package org.fuwu.cases;
