package org.fuwu.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BranchDirectory;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer file's use cases: open, change, search, link and unlink identities, change consent,
 * and unmask. Every change and every unmasking is audited with the target {@code customer:<id>}; no
 * personal data goes into the audit log, the logs or an exception.
 */
@Service
@Transactional
public class CustomerService {

    /** The shortest reason a staff member may give for unmasking. */
    public static final int MIN_REASON = 5;
    public static final int MAX_REASON = 500;
    /** Business dates (ages) are counted in China Standard Time. */
    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern BRANCH_CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private final CustomerStore store;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<BranchDirectory> branches;

    CustomerService(CustomerStore store, PersonalData personalData, AuditLog audit, Clock clock,
                    ObjectProvider<BranchDirectory> branches) {
        this.store = store;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.branches = branches;
    }

    // ---- create

    /** Opens a customer file with its identities; 422 naming each malformed field, 409 when an identity is taken. */
    public CustomerView create(NewCustomer cmd) {
        List<FieldError> errors = new ArrayList<>();
        List<IdentityRules.Checked> ids = new ArrayList<>();
        for (IdentityKind kind : IdentityKind.values()) {
            IdentityRules.check(kind, cmd.value(kind), kind.field(), errors).ifPresent(ids::add);
        }
        String idNumber = ids.stream().filter(c -> c.kind() == IdentityKind.ID_NUMBER).map(IdentityRules.Checked::value)
                .findFirst().orElse(null);
        LocalDate birthDate = cmd.birthDate();
        Gender gender = cmd.gender() == null ? Gender.UNKNOWN : cmd.gender();
        if (idNumber != null) {
            LocalDate fromId = IdentityRules.birthDateOf(idNumber);
            if (birthDate != null && !birthDate.equals(fromId)) {
                errors.add(new FieldError("birthDate", "customer.validation.birthDateMismatch"));
            }
            birthDate = fromId;
            Gender genderFromId = IdentityRules.genderOf(idNumber);
            if (gender != Gender.UNKNOWN && gender != genderFromId) {
                errors.add(new FieldError("gender", "customer.validation.genderMismatch"));
            }
            gender = genderFromId;
        } else if (birthDate != null && (birthDate.isAfter(today()) || birthDate.getYear() < 1900)) {
            errors.add(new FieldError("birthDate", "customer.validation.birthDate"));
        }
        Customer.Profile profile = new Customer.Profile(cmd.name() == null ? "" : cmd.name().strip(), gender, cmd.segment(),
                cmd.preferentialClasses(), blankToNull(cmd.homeBranchCode()), blankToNull(cmd.preferredLanguage()),
                CustomerStatus.ACTIVE);
        checkProfile(profile, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        checkBranchScope(profile.homeBranchCode());
        Map<IdentityRules.Checked, String> indexes = new LinkedHashMap<>();
        for (IdentityRules.Checked c : ids) {
            String index = index(c);
            requireFree(c.kind(), index, null);
            indexes.put(c, index);
        }
        Instant now = clock.instant();
        Channel channel = cmd.channel() == null ? Channel.BRANCH : cmd.channel();
        Customer customer = store.insert(Customer.register(CustomerNumbers.format(store.nextCustomerNumber()), profile,
                birthDate, cmd.marketingConsent(), now));
        indexes.forEach((c, index) -> insertIdentity(customer.id(), c, index, false, channel, now));
        store.insertConsent(customer.id(), ConsentType.MARKETING, cmd.marketingConsent(), channel, CurrentStaff.auditName(), now);
        audit.success("customer.create", target(customer.id()), Map.of(
                "segment", profile.segment().name(),
                "identities", ids.stream().map(c -> c.kind().name()).collect(Collectors.joining(",")),
                "marketingConsent", String.valueOf(cmd.marketingConsent())));
        return view(customer);
    }

    /**
     * Opens a customer file once per idempotency key of the acting staff member: a replay gives the
     * file the first call opened.
     */
    public CustomerView create(NewCustomer cmd, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return create(cmd);
        }
        if (idempotencyKey.length() > 100) {
            throw FieldValidationException.of("Idempotency-Key", "validation.Size");
        }
        String actor = CurrentStaff.auditName();
        Optional<Long> earlier = store.idempotentCustomer(actor, idempotencyKey);
        if (earlier.isPresent()) {
            return view(load(earlier.get()));
        }
        CustomerView created = create(cmd);
        store.rememberIdempotent(actor, idempotencyKey, created.id(), clock.instant());
        return created;
    }

    // ---- update

    /**
     * Changes the profile. With {@code expectedVersion} the change is refused (409) when someone
     * changed the customer since. A gender that contradicts the ID number is refused (422), and moving
     * the customer to another home branch needs both branches in the caller's scope (403).
     */
    public CustomerView update(long id, Customer.Profile profile, Long expectedVersion) {
        Customer current = load(id);
        List<FieldError> errors = new ArrayList<>();
        checkProfile(profile, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Gender fromId = store.identities(id).stream().filter(i -> i.kind() == IdentityKind.ID_NUMBER).findFirst()
                .map(i -> IdentityRules.genderOf(personalData.decrypt(i.valueEnc()))).orElse(null);
        if (fromId != null && profile.gender() != Gender.UNKNOWN && profile.gender() != fromId) {
            throw FieldValidationException.of("gender", "customer.validation.genderMismatch");
        }
        if (!java.util.Objects.equals(profile.homeBranchCode(), current.homeBranchCode())) {
            // moving a customer between branches needs both in the caller's scope
            checkBranchScope(current.homeBranchCode());
            checkBranchScope(profile.homeBranchCode());
        }
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Customer changed = current.revise(profile, fromId, clock.instant());
        store.update(changed, version);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("segment", changed.segment().name());
        details.put("status", changed.status().name());
        details.put("changed", changedFields(current, changed));
        audit.success("customer.update", target(id), details);
        return view(load(id));
    }

    private static String changedFields(Customer a, Customer b) {
        List<String> out = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            out.add("name");
        }
        if (a.gender() != b.gender()) {
            out.add("gender");
        }
        if (a.segment() != b.segment()) {
            out.add("segment");
        }
        if (!a.flagged().equals(b.flagged())) {
            out.add("preferentialClasses");
        }
        if (!java.util.Objects.equals(a.homeBranchCode(), b.homeBranchCode())) {
            out.add("homeBranchCode");
        }
        if (!java.util.Objects.equals(a.preferredLanguage(), b.preferredLanguage())) {
            out.add("preferredLanguage");
        }
        if (a.status() != b.status()) {
            out.add("status");
        }
        return String.join(",", out);
    }

    // ---- identities

    /** Links one more identity to the customer; 422 when malformed, 409 when taken or the file is closed. */
    public IdentityView addIdentity(long customerId, IdentityKind kind, String rawValue, boolean verified, Channel channel) {
        Customer customer = load(customerId);
        IdentityRules.Checked checked = IdentityRules.require(kind, rawValue, "value");
        customer.requireActive();
        String index = index(checked);
        requireFree(kind, index, "value");
        Identity identity = insertIdentity(customerId, checked, index, verified, channel == null ? Channel.BRANCH : channel,
                clock.instant());
        audit.success("customer.identity.add", target(customerId), Map.of("kind", kind.name(),
                "identity", String.valueOf(identity.id()), "verified", String.valueOf(verified)));
        return identityView(identity);
    }

    /** Unlinks an identity of the customer; 404 when the customer has no such identity. */
    public void removeIdentity(long customerId, long identityId) {
        load(customerId);
        Identity identity = store.identities(customerId).stream().filter(i -> i.id() == identityId).findFirst()
                .orElseThrow(() -> new NotFoundException("customer.identity", identityId));
        store.deleteIdentity(customerId, identityId);
        audit.success("customer.identity.remove", target(customerId), Map.of("kind", identity.kind().name(),
                "identity", String.valueOf(identityId)));
    }

    // ---- consent

    /** Grants or withdraws marketing consent, and appends it to the history. */
    public CustomerView changeConsent(long customerId, boolean granted, Channel channel) {
        Customer current = load(customerId);
        Instant now = clock.instant();
        Customer changed = current.consent(granted, now);
        Channel ch = channel == null ? Channel.BRANCH : channel;
        store.update(changed, current.version());
        store.insertConsent(customerId, ConsentType.MARKETING, granted, ch, CurrentStaff.auditName(), now);
        audit.success("customer.consent", target(customerId), Map.of("type", ConsentType.MARKETING.name(),
                "granted", String.valueOf(granted), "channel", ch.name()));
        return view(load(customerId));
    }

    @Transactional(readOnly = true)
    public List<ConsentRecord> consentHistory(long customerId) {
        load(customerId);
        return store.consentHistory(customerId);
    }

    // ---- unmask

    /**
     * The identities in clear, of the given kinds (all when none are given), for a staff member who
     * states why. Audited as {@code customer.unmask} with the kinds and the reason, never the values.
     */
    public List<UnmaskedIdentity> unmask(long customerId, String reason, Set<IdentityKind> kinds) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            throw FieldValidationException.of("reason", "customer.validation.reason", MIN_REASON, MAX_REASON);
        }
        load(customerId);
        Set<IdentityKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(IdentityKind.class) : EnumSet.copyOf(kinds);
        List<UnmaskedIdentity> out = store.identities(customerId).stream().filter(i -> wanted.contains(i.kind()))
                .map(i -> new UnmaskedIdentity(i.id(), i.kind(), personalData.decrypt(i.valueEnc()))).toList();
        audit.success("customer.unmask", target(customerId), Map.of(
                "kinds", wanted.stream().map(Enum::name).collect(Collectors.joining(",")),
                "shown", out.stream().map(u -> u.kind().name()).collect(Collectors.joining(",")),
                "reason", why));
        return out;
    }

    // ---- read

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return view(load(id));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> find(long id) {
        return store.find(id).map(this::view);
    }

    /** The id of the customer an identity links to, if any; a malformed value links to nobody. */
    @Transactional(readOnly = true)
    public Optional<Long> customerIdOf(IdentityKind kind, String rawValue) {
        String normalised = kind.normalise(rawValue);
        if (!kind.isValid(normalised)) {
            return Optional.empty();
        }
        return store.customerOfIdentity(kind, personalData.blindIndex(kind.indexKind(), normalised));
    }

    /**
     * Searches customers, masked. An identity value is normalised and checked (422 naming its field
     * when malformed) and matched exactly through the blind index.
     */
    @Transactional(readOnly = true)
    public PageResult<CustomerView> search(CustomerSearch search, int page, int size, String sort) {
        String index = null;
        if (search.identityKind() != null && search.identityValue() != null && !search.identityValue().isBlank()) {
            IdentityRules.Checked c = IdentityRules.require(search.identityKind(), search.identityValue(),
                    search.identityKind().field());
            index = index(c);
        }
        String[] s = parseSort(sort);
        PageResult<Customer> found = store.search(search, index, page, size, CustomerStore.SORTS.get(s[0]), "desc".equals(s[1]));
        Map<Long, List<Identity>> identities = store.identities(found.items().stream().map(Customer::id).toList());
        LocalDate today = today();
        return found.map(c -> view(c, identities.getOrDefault(c.id(), List.of()), today));
    }

    /** {@code field} or {@code field,asc|desc}; 400 naming {@code sort} for an unknown field. */
    static String[] parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return new String[] {"customerNumber", "asc"};
        }
        String[] parts = sort.split(",", 2);
        String field = parts[0].strip();
        String dir = parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!CustomerStore.SORTS.containsKey(field) || !(dir.equals("asc") || dir.equals("desc"))) {
            throw FieldValidationException.of("sort", "customer.validation.sort", String.join(", ", new java.util.TreeSet<>(CustomerStore.SORTS.keySet())));
        }
        return new String[] {field, dir};
    }

    @Transactional(readOnly = true)
    public long count() {
        return store.count();
    }

    // ---- helpers

    Customer load(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    CustomerView view(Customer c) {
        return view(c, store.identities(c.id()), today());
    }

    private CustomerView view(Customer c, List<Identity> identities, LocalDate today) {
        Set<PreferentialClass> effective = PreferentialPolicy.effective(c.flagged(), c.birthDate(), today);
        return new CustomerView(c.id(), c.customerNumber(), c.name(), c.gender(), PreferentialPolicy.age(c.birthDate(), today),
                c.segment(), effective, c.flagged(), c.homeBranchCode(), c.preferredLanguage(), c.marketingConsent(),
                c.status(), c.version(), c.createdAt(), c.updatedAt(), identities.stream().map(this::identityView).toList());
    }

    private IdentityView identityView(Identity i) {
        return new IdentityView(i.id(), i.kind(), i.kind().mask(personalData.decrypt(i.valueEnc())), i.verified(),
                i.channel(), i.createdAt());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BANK_ZONE);
    }

    private String index(IdentityRules.Checked c) {
        return personalData.blindIndex(c.kind().indexKind(), c.value());
    }

    private void requireFree(IdentityKind kind, String index, String field) {
        Optional<Long> owner = store.customerOfIdentity(kind, index);
        if (owner.isPresent()) {
            throw new IdentityTakenException(field == null ? kind.field() : field,
                    store.find(owner.get()).map(Customer::customerNumber).orElse("?"));
        }
    }

    private Identity insertIdentity(long customerId, IdentityRules.Checked c, String index, boolean verified, Channel channel,
                                    Instant at) {
        try {
            return store.insertIdentity(customerId, c.kind(), personalData.encrypt(c.value()), index, verified, channel, at);
        } catch (DuplicateKeyException e) {
            // another request linked the same value a moment ago
            throw new IdentityTakenException(c.kind().field(), "?");
        }
    }

    private void checkProfile(Customer.Profile p, List<FieldError> errors) {
        if (p.name().isBlank()) {
            errors.add(new FieldError("name", "validation.NotBlank"));
        } else if (p.name().length() > 100) {
            errors.add(new FieldError("name", "validation.Size"));
        }
        if (p.homeBranchCode() != null) {
            if (!BRANCH_CODE.matcher(p.homeBranchCode()).matches()) {
                errors.add(new FieldError("homeBranchCode", "validation.Pattern"));
            } else {
                BranchDirectory directory = branches.getIfAvailable();
                if (directory != null && !directory.branchExists(p.homeBranchCode())) {
                    errors.add(new FieldError("homeBranchCode", "customer.validation.branch"));
                }
            }
        }
        if (p.preferredLanguage() != null && !LANGUAGE.matcher(p.preferredLanguage()).matches()) {
            errors.add(new FieldError("preferredLanguage", "validation.Pattern"));
        }
    }

    /** A branch-scoped staff member may only make a customer the customer of a branch in scope (403 otherwise). */
    private static void checkBranchScope(String branchCode) {
        if (branchCode != null) {
            CurrentStaff.requireBranch(branchCode);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String target(long id) {
        return "customer:" + id;
    }
}
