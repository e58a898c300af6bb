/**
 * Service requests and complaints (投诉处理): case types, classification, SLA and legal clocks, the
 * workflow, escalation, callbacks (回访), root cause and regulator statistics (issue 5).
 *
 * <p>So far: the clocks' named policy ({@code internal.CaseClock}) and the legal rule sets of China (CBIRC
 * 2020 No. 3), the US (CFPB) and the UK (FCA DISP) as data ({@code internal.LegalRuleSets}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = {"platform"})
package org.fuwu.cases;
