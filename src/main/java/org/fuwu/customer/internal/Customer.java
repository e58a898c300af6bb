package org.fuwu.customer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.platform.ConflictException;

/**
 * The customer aggregate: the profile the bank keeps of a customer. It is immutable; each change
 * gives a new state and checks that it is allowed. Identities and consent history sit beside it.
 */
public final class Customer {

    private final Long id;
    private final String customerNumber;
    private final String name;
    private final Gender gender;
    private final LocalDate birthDate;
    private final Segment segment;
    private final Set<PreferentialClass> flagged;
    private final String homeBranchCode;
    private final String preferredLanguage;
    private final boolean marketingConsent;
    private final CustomerStatus status;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    /** The profile fields staff may change. */
    public record Profile(String name, Gender gender, Segment segment, Set<PreferentialClass> flagged,
                          String homeBranchCode, String preferredLanguage, CustomerStatus status) {
        public Profile {
            Objects.requireNonNull(name, "name");
            gender = gender == null ? Gender.UNKNOWN : gender;
            segment = segment == null ? Segment.ORDINARY : segment;
            flagged = flagged == null || flagged.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flagged));
            status = status == null ? CustomerStatus.ACTIVE : status;
        }
    }

    Customer(Long id, String customerNumber, String name, Gender gender, LocalDate birthDate, Segment segment,
             Set<PreferentialClass> flagged, String homeBranchCode, String preferredLanguage, boolean marketingConsent,
             CustomerStatus status, long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.customerNumber = customerNumber;
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.segment = segment;
        this.flagged = Set.copyOf(flagged);
        this.homeBranchCode = homeBranchCode;
        this.preferredLanguage = preferredLanguage;
        this.marketingConsent = marketingConsent;
        this.status = status;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new customer, not yet stored: active, version 0. */
    static Customer register(String customerNumber, Profile profile, LocalDate birthDate, boolean marketingConsent, Instant now) {
        return new Customer(null, customerNumber, profile.name(), profile.gender(), birthDate, profile.segment(),
                profile.flagged(), profile.homeBranchCode(), profile.preferredLanguage(), marketingConsent,
                CustomerStatus.ACTIVE, 0, now, now);
    }

    Customer withId(long newId) {
        return new Customer(newId, customerNumber, name, gender, birthDate, segment, flagged, homeBranchCode,
                preferredLanguage, marketingConsent, status, version, createdAt, updatedAt);
    }

    /** The profile changed. The gender an ID number states cannot be changed by hand. */
    Customer revise(Profile p, Gender genderFromId, Instant now) {
        Gender g = genderFromId != null ? genderFromId : p.gender();
        return new Customer(id, customerNumber, p.name(), g, birthDate, p.segment(), p.flagged(), p.homeBranchCode(),
                p.preferredLanguage(), marketingConsent, p.status(), version, createdAt, now);
    }

    /** Consent granted or withdrawn. A closed file can withdraw but not grant. */
    Customer consent(boolean granted, Instant now) {
        if (granted) {
            requireActive();
        }
        return new Customer(id, customerNumber, name, gender, birthDate, segment, flagged, homeBranchCode,
                preferredLanguage, granted, status, version, createdAt, now);
    }

    /** Throws 409 when the file is closed. */
    void requireActive() {
        if (status == CustomerStatus.CLOSED) {
            throw new ConflictException("customer.conflict.closed", customerNumber);
        }
    }

    public long id() {
        return id;
    }

    public String customerNumber() {
        return customerNumber;
    }

    public String name() {
        return name;
    }

    public Gender gender() {
        return gender;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Segment segment() {
        return segment;
    }

    /** The classes staff flagged; see {@link PreferentialPolicy#effective} for those in force. */
    public Set<PreferentialClass> flagged() {
        return flagged;
    }

    public String homeBranchCode() {
        return homeBranchCode;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public boolean marketingConsent() {
        return marketingConsent;
    }

    public CustomerStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
