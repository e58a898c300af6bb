package org.fuwu.customer.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.customer.internal.Channel;
import org.fuwu.customer.internal.CustomerStatus;
import org.fuwu.customer.internal.Gender;

/** The request and answer bodies of the customer API. */
final class CustomerApiModels {

    private CustomerApiModels() {
    }

    /** Opens a customer file. Identity values may carry spaces, dashes or +86; they are normalised. */
    record CreateCustomerRequest(
            @NotBlank @Size(max = 100) String name,
            Gender gender,
            LocalDate birthDate,
            Segment segment,
            Set<PreferentialClass> preferentialClasses,
            @Size(max = 40) String mobile,
            @Size(max = 40) String idNumber,
            @Size(max = 40) String cardNumber,
            @Size(max = 254) String email,
            @Size(max = 64) String wechatOpenId,
            @Size(max = 64) String appUserId,
            @Size(max = 20) String homeBranchCode,
            @Size(max = 10) String preferredLanguage,
            Boolean marketingConsent,
            Channel channel) {
    }

    /** Changes the profile; {@code version} (from the last read) makes a concurrent change a 409. */
    record UpdateCustomerRequest(
            @NotBlank @Size(max = 100) String name,
            Gender gender,
            @NotNull Segment segment,
            Set<PreferentialClass> preferentialClasses,
            @Size(max = 20) String homeBranchCode,
            @Size(max = 10) String preferredLanguage,
            CustomerStatus status,
            Long version) {
    }

    /** Links an identity to the customer. */
    record AddIdentityRequest(@NotNull IdentityKind kind, @NotBlank @Size(max = 254) String value, Boolean verified,
                              Channel channel) {
    }

    /** Grants or withdraws marketing consent. */
    record ConsentRequest(@NotNull Boolean granted, Channel channel) {
    }

    /** Why the values are needed (audited), and which kinds; all kinds when none are named. */
    record UnmaskRequest(@NotBlank @Size(min = 5, max = 500) String reason, Set<IdentityKind> kinds) {
    }

    /** The answer to an unmasking: the values in clear, for this answer only. */
    record UnmaskResponse(long customerId, List<UnmaskedValue> identities) {
    }

    record UnmaskedValue(long id, IdentityKind kind, String value) {
    }

    /** A search in the body, so that identity values stay out of URLs and access logs. */
    record SearchRequest(@Size(max = 100) String name, @Size(max = 20) String customerNumber, Segment segment,
                         CustomerStatus status, @Size(max = 40) String mobile, @Size(max = 40) String idNumber,
                         @Size(max = 40) String cardNumber, @Size(max = 254) String email,
                         @Min(0) Integer page, @Min(1) @Max(200) Integer size, String sort) {
    }

    /** A page of a list. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
