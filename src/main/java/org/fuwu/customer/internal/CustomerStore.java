package org.fuwu.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores customers, their identities and their consent history with plain SQL that runs on H2 and PostgreSQL. */
@Repository
class CustomerStore {

    /** The sort keys a caller may ask for, and their columns. */
    static final Map<String, String> SORTS = Map.of(
            "customerNumber", "c.customer_number",
            "name", "c.name",
            "segment", "c.segment",
            "createdAt", "c.created_at",
            "updatedAt", "c.updated_at");

    private static final String COLUMNS = "c.id, c.customer_number, c.name, c.gender, c.birth_date, c.segment, c.elderly, "
            + "c.disabled, c.pregnant, c.home_branch_code, c.preferred_language, c.marketing_consent, c.status, c.version, "
            + "c.created_at, c.updated_at";

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextCustomerNumber() {
        return jdbc.sql("select nextval('customer_number_seq')").query(Long.class).single();
    }

    Customer insert(Customer c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer (customer_number, name, gender, birth_date, segment, elderly, disabled, pregnant,
                    home_branch_code, preferred_language, marketing_consent, status, version, created_at, updated_at)
                values (:number, :name, :gender, :birth, :segment, :elderly, :disabled, :pregnant,
                    :branch, :lang, :consent, :status, 0, :created, :updated)""")
                .param("number", c.customerNumber())
                .params(profileParams(c))
                .param("birth", c.birthDate() == null ? null : java.sql.Date.valueOf(c.birthDate()))
                .param("consent", c.marketingConsent())
                .param("created", Timestamp.from(c.createdAt()))
                .param("updated", Timestamp.from(c.updatedAt()))
                .update(keys, "id");
        return c.withId(keys.getKeyAs(Number.class).longValue());
    }

    /** Writes a changed customer if nobody changed it since {@code expectedVersion}; 409 otherwise. */
    void update(Customer c, long expectedVersion) {
        int n = jdbc.sql("""
                update customer set name = :name, gender = :gender, segment = :segment, elderly = :elderly,
                    disabled = :disabled, pregnant = :pregnant, home_branch_code = :branch, preferred_language = :lang,
                    marketing_consent = :consent, status = :status, version = version + 1, updated_at = :updated
                where id = :id and version = :version""")
                .params(profileParams(c))
                .param("consent", c.marketingConsent())
                .param("updated", Timestamp.from(c.updatedAt()))
                .param("id", c.id())
                .param("version", expectedVersion)
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("customer " + c.id() + " was changed concurrently");
        }
    }

    private static Map<String, Object> profileParams(Customer c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.name());
        p.put("gender", c.gender().name());
        p.put("segment", c.segment().name());
        p.put("elderly", c.flagged().contains(PreferentialClass.ELDERLY));
        p.put("disabled", c.flagged().contains(PreferentialClass.DISABLED));
        p.put("pregnant", c.flagged().contains(PreferentialClass.PREGNANT));
        p.put("branch", c.homeBranchCode());
        p.put("lang", c.preferredLanguage());
        p.put("status", c.status().name());
        return p;
    }

    Optional<Customer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from customer c where c.id = :id").param("id", id)
                .query(CustomerStore::customer).optional();
    }

    Optional<Customer> findByNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from customer c where c.customer_number = :n").param("n", number)
                .query(CustomerStore::customer).optional();
    }

    PageResult<Customer> search(CustomerSearch s, String identityIndex, int page, int size, String sortColumn, boolean desc) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s.name() != null && !s.name().isBlank()) {
            where.append(" and lower(c.name) like :name escape '!'");
            params.put("name", "%" + escapeLike(s.name().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (s.customerNumber() != null && !s.customerNumber().isBlank()) {
            where.append(" and c.customer_number = :number");
            params.put("number", s.customerNumber().strip().toUpperCase(Locale.ROOT));
        }
        if (s.segment() != null) {
            where.append(" and c.segment = :segment");
            params.put("segment", s.segment().name());
        }
        if (s.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", s.status().name());
        }
        if (identityIndex != null) {
            where.append(" and exists (select 1 from customer_identity i where i.customer_id = c.id"
                    + " and i.kind = :kind and i.value_index = :idx)");
            params.put("kind", s.identityKind().name());
            params.put("idx", identityIndex);
        }
        long total = jdbc.sql("select count(*) from customer c" + where).params(params).query(Long.class).single();
        String order = " order by " + sortColumn + (desc ? " desc" : " asc") + ", c.id asc";
        List<Customer> items = total == 0 ? List.of() : jdbc.sql("select " + COLUMNS + " from customer c" + where + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(CustomerStore::customer).list();
        return new PageResult<>(items, page, size, total);
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    long count() {
        return jdbc.sql("select count(*) from customer").query(Long.class).single();
    }

    // identities

    Identity insertIdentity(long customerId, IdentityKind kind, String valueEnc, String valueIndex, boolean verified,
                            Channel channel, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer_identity (customer_id, kind, value_enc, value_index, verified, channel, created_at)
                values (:customer, :kind, :enc, :idx, :verified, :channel, :at)""")
                .param("customer", customerId).param("kind", kind.name()).param("enc", valueEnc).param("idx", valueIndex)
                .param("verified", verified).param("channel", channel.name()).param("at", Timestamp.from(at))
                .update(keys, "id");
        return new Identity(keys.getKeyAs(Number.class).longValue(), customerId, kind, valueEnc, valueIndex, verified,
                channel, at);
    }

    List<Identity> identities(long customerId) {
        return jdbc.sql("select id, customer_id, kind, value_enc, value_index, verified, channel, created_at "
                        + "from customer_identity where customer_id = :c order by kind, id")
                .param("c", customerId).query(CustomerStore::identity).list();
    }

    /** The identities of many customers at once, for a page of results. */
    Map<Long, List<Identity>> identities(List<Long> customerIds) {
        Map<Long, List<Identity>> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, customer_id, kind, value_enc, value_index, verified, channel, created_at "
                        + "from customer_identity where customer_id in (:ids) order by kind, id")
                .param("ids", customerIds).query(CustomerStore::identity).list()
                .forEach(i -> out.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
        return out;
    }

    Optional<Long> customerOfIdentity(IdentityKind kind, String valueIndex) {
        return jdbc.sql("select customer_id from customer_identity where kind = :kind and value_index = :idx")
                .param("kind", kind.name()).param("idx", valueIndex).query(Long.class).optional();
    }

    int deleteIdentity(long customerId, long identityId) {
        return jdbc.sql("delete from customer_identity where id = :id and customer_id = :c")
                .param("id", identityId).param("c", customerId).update();
    }

    // consent

    void insertConsent(long customerId, ConsentType type, boolean granted, Channel channel, String actor, Instant at) {
        jdbc.sql("""
                insert into customer_consent (customer_id, consent_type, granted, channel, actor, occurred_at)
                values (:c, :type, :granted, :channel, :actor, :at)""")
                .param("c", customerId).param("type", type.name()).param("granted", granted)
                .param("channel", channel.name()).param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    List<ConsentRecord> consentHistory(long customerId) {
        return jdbc.sql("select id, customer_id, consent_type, granted, channel, actor, occurred_at from customer_consent "
                        + "where customer_id = :c order by occurred_at desc, id desc")
                .param("c", customerId)
                .query((rs, n) -> new ConsentRecord(rs.getLong(1), rs.getLong(2), ConsentType.valueOf(rs.getString(3)),
                        rs.getBoolean(4), Channel.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7)))
                .list();
    }

    // idempotency

    Optional<Long> idempotentCustomer(String actor, String key) {
        return jdbc.sql("select customer_id from customer_idempotency where actor = :a and idem_key = :k")
                .param("a", actor).param("k", key).query(Long.class).optional();
    }

    void rememberIdempotent(String actor, String key, long customerId, Instant at) {
        jdbc.sql("insert into customer_idempotency (actor, idem_key, customer_id, created_at) values (:a, :k, :c, :at)")
                .param("a", actor).param("k", key).param("c", customerId).param("at", Timestamp.from(at)).update();
    }

    private static Customer customer(ResultSet rs, int n) throws SQLException {
        EnumSet<PreferentialClass> flags = EnumSet.noneOf(PreferentialClass.class);
        if (rs.getBoolean("elderly")) {
            flags.add(PreferentialClass.ELDERLY);
        }
        if (rs.getBoolean("disabled")) {
            flags.add(PreferentialClass.DISABLED);
        }
        if (rs.getBoolean("pregnant")) {
            flags.add(PreferentialClass.PREGNANT);
        }
        java.sql.Date birth = rs.getDate("birth_date");
        LocalDate birthDate = birth == null ? null : birth.toLocalDate();
        return new Customer(rs.getLong("id"), rs.getString("customer_number"), rs.getString("name"),
                Gender.valueOf(rs.getString("gender")), birthDate, Segment.valueOf(rs.getString("segment")), flags,
                rs.getString("home_branch_code"), rs.getString("preferred_language"), rs.getBoolean("marketing_consent"),
                CustomerStatus.valueOf(rs.getString("status")), rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Identity identity(ResultSet rs, int n) throws SQLException {
        return new Identity(rs.getLong(1), rs.getLong(2), IdentityKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), Channel.valueOf(rs.getString(7)), instant(rs, 8));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
