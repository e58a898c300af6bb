package org.fuwu.customer.internal;

import java.time.LocalDate;
import java.util.Set;

import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;

/** What staff give to open a customer file; the identity values raw, as typed. */
public record NewCustomer(String name, Gender gender, LocalDate birthDate, Segment segment,
                          Set<PreferentialClass> preferentialClasses, String mobile, String idNumber, String cardNumber,
                          String email, String wechatOpenId, String appUserId, String homeBranchCode,
                          String preferredLanguage, boolean marketingConsent, Channel channel) {

    /** The raw value this command carries for a kind. */
    public String value(org.fuwu.customer.IdentityKind kind) {
        return switch (kind) {
            case MOBILE -> mobile;
            case ID_NUMBER -> idNumber;
            case CARD_NUMBER -> cardNumber;
            case EMAIL -> email;
            case WECHAT_OPENID -> wechatOpenId;
            case APP_USER_ID -> appUserId;
        };
    }
}
