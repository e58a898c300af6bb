/**
 * The customer file (客户档案): customers, their identities across channels (mobile, ID number, card,
 * e-mail, WeChat openid, app user id), segments, preferential classes and marketing consent.
 *
 * <p>Identifiers are encrypted at rest and found by exact value through a blind index; they are
 * shown masked, and unmasking needs a permission and a reason, and is audited. Other modules use
 * {@link org.fuwu.customer.CustomerDirectory} and the types beside it, and nothing else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer", allowedDependencies = {"platform"})
package org.fuwu.customer;
