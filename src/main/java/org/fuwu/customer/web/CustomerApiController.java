package org.fuwu.customer.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.internal.ConsentRecord;
import org.fuwu.customer.internal.Customer;
import org.fuwu.customer.internal.CustomerSearch;
import org.fuwu.customer.internal.CustomerService;
import org.fuwu.customer.internal.CustomerStatus;
import org.fuwu.customer.internal.CustomerView;
import org.fuwu.customer.internal.IdentityView;
import org.fuwu.customer.internal.NewCustomer;
import org.fuwu.customer.internal.PageResult;
import org.fuwu.customer.Segment;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The customer file over REST: masked by default; unmasking takes a reason and is audited. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The customer file (客户档案): identities, segments, preferential classes, consent")
class CustomerApiController {

    private final CustomerService customers;

    CustomerApiController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "Search customers (masked)", description = "By part of the name, customer number, segment, "
            + "status, or the exact value of an identity (blind index). Prefer POST /search for identity values.")
    CustomerApiModels.Page<CustomerView> search(@RequestParam(required = false) String name,
                                                @RequestParam(required = false) String customerNumber,
                                                @RequestParam(required = false) Segment segment,
                                                @RequestParam(required = false) CustomerStatus status,
                                                @RequestParam(required = false) String mobile,
                                                @RequestParam(required = false) String idNumber,
                                                @RequestParam(required = false) String cardNumber,
                                                @RequestParam(required = false) String email,
                                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                                @RequestParam(required = false) String sort) {
        return search(new CustomerApiModels.SearchRequest(name, customerNumber, segment, status, mobile, idNumber, cardNumber,
                email, page, size, sort));
    }

    @PostMapping("/search")
    @Operation(summary = "Search customers (masked), criteria in the body")
    CustomerApiModels.Page<CustomerView> searchByBody(@Valid @RequestBody CustomerApiModels.SearchRequest request) {
        return search(request);
    }

    private CustomerApiModels.Page<CustomerView> search(CustomerApiModels.SearchRequest r) {
        List<IdentityKind> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        addIfGiven(kinds, values, IdentityKind.MOBILE, r.mobile());
        addIfGiven(kinds, values, IdentityKind.ID_NUMBER, r.idNumber());
        addIfGiven(kinds, values, IdentityKind.CARD_NUMBER, r.cardNumber());
        addIfGiven(kinds, values, IdentityKind.EMAIL, r.email());
        if (kinds.size() > 1) {
            throw new FieldValidationException(kinds.stream()
                    .map(k -> new FieldError(k.field(), "customer.validation.oneIdentity")).toList());
        }
        CustomerSearch s = new CustomerSearch(r.name(), r.customerNumber(), r.segment(), r.status(),
                kinds.isEmpty() ? null : kinds.get(0), values.isEmpty() ? null : values.get(0));
        PageResult<CustomerView> found = customers.search(s, r.page() == null ? 0 : r.page(),
                r.size() == null ? 20 : r.size(), r.sort());
        return new CustomerApiModels.Page<>(found.items(), found.page(), found.size(), found.total());
    }

    private static void addIfGiven(List<IdentityKind> kinds, List<String> values, IdentityKind kind, String value) {
        if (value != null && !value.isBlank()) {
            kinds.add(kind);
            values.add(value);
        }
    }

    @PostMapping
    @Operation(summary = "Open a customer file", description = "Answers 201 with the customer, masked. 422 names a "
            + "malformed field; 409 when an identity already links to another customer. Takes an Idempotency-Key.")
    ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerApiModels.CreateCustomerRequest r,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CustomerView created = customers.create(new NewCustomer(r.name(), r.gender(), r.birthDate(), r.segment(),
                r.preferentialClasses(), r.mobile(), r.idNumber(), r.cardNumber(), r.email(), r.wechatOpenId(),
                r.appUserId(), r.homeBranchCode(), r.preferredLanguage(), Boolean.TRUE.equals(r.marketingConsent()),
                r.channel()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer, masked")
    CustomerView get(@PathVariable long id) {
        return customers.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a customer's profile", description = "Identities change through /identities, consent "
            + "through /consent. With version, a concurrent change answers 409.")
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerApiModels.UpdateCustomerRequest r) {
        return customers.update(id, new Customer.Profile(r.name(), r.gender(), r.segment(), r.preferentialClasses(),
                blankToNull(r.homeBranchCode()), blankToNull(r.preferredLanguage()), r.status()), r.version());
    }

    @PostMapping("/{id}/unmask")
    @Operation(summary = "The identities in clear", description = "Takes a reason (at least 5 characters) and optionally "
            + "the kinds; audited as customer.unmask. The answer is not cached.")
    ResponseEntity<CustomerApiModels.UnmaskResponse> unmask(@PathVariable long id,
                                                            @Valid @RequestBody CustomerApiModels.UnmaskRequest r) {
        List<CustomerApiModels.UnmaskedValue> values = customers.unmask(id, r.reason(), r.kinds() == null ? Set.of() : r.kinds())
                .stream().map(u -> new CustomerApiModels.UnmaskedValue(u.id(), u.kind(), u.value())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CustomerApiModels.UnmaskResponse(id, values));
    }

    @PostMapping("/{id}/identities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link an identity to the customer", description = "422 names `value` when malformed; 409 when "
            + "the value links to another customer or the file is closed.")
    IdentityView addIdentity(@PathVariable long id, @Valid @RequestBody CustomerApiModels.AddIdentityRequest r) {
        return customers.addIdentity(id, r.kind(), r.value(), Boolean.TRUE.equals(r.verified()), r.channel());
    }

    @DeleteMapping("/{id}/identities/{identityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an identity from the customer")
    void removeIdentity(@PathVariable long id, @PathVariable long identityId) {
        customers.removeIdentity(id, identityId);
    }

    @GetMapping("/{id}/consent")
    @Operation(summary = "The marketing consent history, newest first")
    List<ConsentRecord> consentHistory(@PathVariable long id) {
        return customers.consentHistory(id);
    }

    @PutMapping("/{id}/consent")
    @Operation(summary = "Grant or withdraw marketing consent", description = "Appends to the history.")
    CustomerView changeConsent(@PathVariable long id, @Valid @RequestBody CustomerApiModels.ConsentRequest r) {
        return customers.changeConsent(id, r.granted(), r.channel());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
