package org.fuwu.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the organisation tables. No checks of scope or input here: the service does those. */
@Repository
public class OrganizationRepository {

    /** The columns a list may be sorted by, by the names the API uses. */
    static final Map<String, String> REGION_SORT = Map.of("code", "code", "nameZh", "name_zh", "nameEn", "name_en");
    static final Map<String, String> BRANCH_SORT = Map.of("code", "code", "nameZh", "name_zh", "nameEn", "name_en",
            "regionCode", "region_code");

    private static final String BRANCH_COLUMNS = "code, name_zh, name_en, region_code, address_zh, address_en, "
            + "latitude, longitude, phone, time_zone, active, version";

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- regions

    public Optional<Region> findRegion(String code) {
        return jdbc.sql("select code, name_zh, name_en, calendar_code, version from org_region where code = :code")
                .param("code", code).query(OrganizationRepository::region).optional();
    }

    /** A page of regions; {@code codes} null for all, else only those. */
    public List<Region> regions(Collection<String> codes, String orderBy, int offset, int limit) {
        if (codes != null && codes.isEmpty()) {
            return List.of();
        }
        String where = codes == null ? "" : " where code in (:codes)";
        var spec = jdbc.sql("select code, name_zh, name_en, calendar_code, version from org_region" + where
                + " order by " + orderBy + " limit :limit offset :offset").param("limit", limit).param("offset", offset);
        if (codes != null) {
            spec = spec.param("codes", codes);
        }
        return spec.query(OrganizationRepository::region).list();
    }

    public long countRegions(Collection<String> codes) {
        if (codes != null && codes.isEmpty()) {
            return 0;
        }
        if (codes == null) {
            return jdbc.sql("select count(*) from org_region").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from org_region where code in (:codes)").param("codes", codes)
                .query(Long.class).single();
    }

    public void insertRegion(Region r) {
        jdbc.sql("insert into org_region (code, name_zh, name_en, calendar_code, version) "
                        + "values (:code, :nameZh, :nameEn, :calendar, 0)")
                .param("code", r.code()).param("nameZh", r.nameZh()).param("nameEn", r.nameEn())
                .param("calendar", r.calendarCode()).update();
    }

    /** Updates the region if it still has the given version, and raises the version. */
    public void updateRegion(Region r) {
        int n = jdbc.sql("update org_region set name_zh = :nameZh, name_en = :nameEn, calendar_code = :calendar, "
                        + "version = version + 1 where code = :code and version = :version")
                .param("code", r.code()).param("nameZh", r.nameZh()).param("nameEn", r.nameEn())
                .param("calendar", r.calendarCode()).param("version", r.version()).update();
        requireOne(n, "region " + r.code());
    }

    // ---- branches

    public Optional<Branch> findBranch(String code) {
        return jdbc.sql("select " + BRANCH_COLUMNS + " from org_branch where code = :code").param("code", code)
                .query(OrganizationRepository::branch).optional();
    }

    /** A page of branches; {@code codes} null for all, else only those; {@code region} null for every region. */
    public List<Branch> branches(Collection<String> codes, String region, String orderBy, int offset, int limit) {
        if (codes != null && codes.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select " + BRANCH_COLUMNS + " from org_branch" + branchWhere(codes, region)
                + " order by " + orderBy + " limit :limit offset :offset").param("limit", limit).param("offset", offset);
        return bindBranchFilter(spec, codes, region).query(OrganizationRepository::branch).list();
    }

    public long countBranches(Collection<String> codes, String region) {
        if (codes != null && codes.isEmpty()) {
            return 0;
        }
        var spec = jdbc.sql("select count(*) from org_branch" + branchWhere(codes, region));
        return bindBranchFilter(spec, codes, region).query(Long.class).single();
    }

    private static String branchWhere(Collection<String> codes, String region) {
        if (codes == null && region == null) {
            return "";
        }
        if (codes == null) {
            return " where region_code = :region";
        }
        return region == null ? " where code in (:codes)" : " where code in (:codes) and region_code = :region";
    }

    private static JdbcClient.StatementSpec bindBranchFilter(JdbcClient.StatementSpec spec, Collection<String> codes,
                                                             String region) {
        if (codes != null) {
            spec = spec.param("codes", codes);
        }
        if (region != null) {
            spec = spec.param("region", region);
        }
        return spec;
    }

    public List<Branch> allBranches() {
        return jdbc.sql("select " + BRANCH_COLUMNS + " from org_branch order by code")
                .query(OrganizationRepository::branch).list();
    }

    public List<String> branchCodesOfRegion(String region) {
        return jdbc.sql("select code from org_branch where region_code = :region order by code")
                .param("region", region).query(String.class).list();
    }

    /** The regions that hold at least one of these branches. */
    public List<String> regionCodesOfBranches(Collection<String> branchCodes) {
        if (branchCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct region_code from org_branch where code in (:codes)")
                .param("codes", branchCodes).query(String.class).list();
    }

    public void insertBranch(Branch b) {
        jdbc.sql("insert into org_branch (" + BRANCH_COLUMNS + ") values (:code, :nameZh, :nameEn, :region, "
                        + ":addressZh, :addressEn, :lat, :lon, :phone, :tz, :active, 0)")
                .params(branchParams(b)).update();
    }

    public void updateBranch(Branch b) {
        int n = jdbc.sql("update org_branch set name_zh = :nameZh, name_en = :nameEn, region_code = :region, "
                        + "address_zh = :addressZh, address_en = :addressEn, latitude = :lat, longitude = :lon, "
                        + "phone = :phone, time_zone = :tz, active = :active, version = version + 1 "
                        + "where code = :code and version = :version")
                .params(branchParams(b)).update();
        requireOne(n, "branch " + b.code());
    }

    private static Map<String, Object> branchParams(Branch b) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", b.code());
        p.put("nameZh", b.nameZh());
        p.put("nameEn", b.nameEn());
        p.put("region", b.regionCode());
        p.put("addressZh", b.addressZh());
        p.put("addressEn", b.addressEn());
        p.put("lat", b.latitude());
        p.put("lon", b.longitude());
        p.put("phone", b.phone());
        p.put("tz", b.timeZone());
        p.put("active", b.active());
        p.put("version", b.version());
        return p;
    }

    // ---- zones

    public List<Zone> zones(String branch) {
        return jdbc.sql("select branch_code, code, name_zh, name_en, kind, active, version from org_zone "
                + "where branch_code = :branch order by code").param("branch", branch)
                .query(OrganizationRepository::zone).list();
    }

    public Optional<Zone> findZone(String branch, String code) {
        return jdbc.sql("select branch_code, code, name_zh, name_en, kind, active, version from org_zone "
                        + "where branch_code = :branch and code = :code").param("branch", branch).param("code", code)
                .query(OrganizationRepository::zone).optional();
    }

    public void insertZone(Zone z) {
        jdbc.sql("insert into org_zone (branch_code, code, name_zh, name_en, kind, active, version) "
                        + "values (:branch, :code, :nameZh, :nameEn, :kind, :active, 0)")
                .param("branch", z.branchCode()).param("code", z.code()).param("nameZh", z.nameZh())
                .param("nameEn", z.nameEn()).param("kind", z.kind().name()).param("active", z.active()).update();
    }

    public void updateZone(Zone z) {
        int n = jdbc.sql("update org_zone set name_zh = :nameZh, name_en = :nameEn, kind = :kind, active = :active, "
                        + "version = version + 1 where branch_code = :branch and code = :code and version = :version")
                .param("branch", z.branchCode()).param("code", z.code()).param("nameZh", z.nameZh())
                .param("nameEn", z.nameEn()).param("kind", z.kind().name()).param("active", z.active())
                .param("version", z.version()).update();
        requireOne(n, "zone " + z.branchCode() + "/" + z.code());
    }

    // ---- counters

    public List<Counter> counters(String branch) {
        return jdbc.sql("select branch_code, code, display_no, zone_code, kind, active, version from org_counter "
                + "where branch_code = :branch order by code").param("branch", branch)
                .query(OrganizationRepository::counter).list();
    }

    public Optional<Counter> findCounter(String branch, String code) {
        return jdbc.sql("select branch_code, code, display_no, zone_code, kind, active, version from org_counter "
                        + "where branch_code = :branch and code = :code").param("branch", branch).param("code", code)
                .query(OrganizationRepository::counter).optional();
    }

    public void insertCounter(Counter c) {
        jdbc.sql("insert into org_counter (branch_code, code, display_no, zone_code, kind, active, version) "
                        + "values (:branch, :code, :number, :zone, :kind, :active, 0)")
                .param("branch", c.branchCode()).param("code", c.code()).param("number", c.number())
                .param("zone", c.zoneCode()).param("kind", c.kind().name()).param("active", c.active()).update();
    }

    public void updateCounter(Counter c) {
        int n = jdbc.sql("update org_counter set display_no = :number, zone_code = :zone, kind = :kind, "
                        + "active = :active, version = version + 1 "
                        + "where branch_code = :branch and code = :code and version = :version")
                .param("branch", c.branchCode()).param("code", c.code()).param("number", c.number())
                .param("zone", c.zoneCode()).param("kind", c.kind().name()).param("active", c.active())
                .param("version", c.version()).update();
        requireOne(n, "counter " + c.branchCode() + "/" + c.code());
    }

    // ---- opening hours

    /** The seven days of a branch's week, Monday first; days never set are closed. */
    public List<DayHours> week(String branch) {
        Map<Integer, DayHours> stored = new java.util.HashMap<>();
        jdbc.sql("select weekday, closed, opens_at, closes_at from org_opening_hours where branch_code = :branch")
                .param("branch", branch).query((rs, n) -> {
                    DayOfWeek d = DayOfWeek.of(rs.getInt("weekday"));
                    return rs.getBoolean("closed") ? DayHours.closed(d)
                            : DayHours.open(d, time(rs, "opens_at"), time(rs, "closes_at"));
                }).list().forEach(h -> stored.put(h.weekday().getValue(), h));
        return java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> stored.getOrDefault(d.getValue(), DayHours.closed(d))).toList();
    }

    public void replaceWeek(String branch, List<DayHours> week) {
        jdbc.sql("delete from org_opening_hours where branch_code = :branch").param("branch", branch).update();
        for (DayHours h : week) {
            jdbc.sql("insert into org_opening_hours (branch_code, weekday, closed, opens_at, closes_at) "
                            + "values (:branch, :weekday, :closed, :opens, :closes)")
                    .param("branch", branch).param("weekday", h.weekday().getValue()).param("closed", h.closed())
                    .param("opens", h.opens() == null ? null : Time.valueOf(h.opens()))
                    .param("closes", h.closes() == null ? null : Time.valueOf(h.closes())).update();
        }
    }

    // ---- mapping

    private static void requireOne(int updated, String what) {
        if (updated != 1) {
            throw new OptimisticLockingFailureException(what + " was changed meanwhile");
        }
    }

    private static java.time.LocalTime time(ResultSet rs, String column) throws SQLException {
        Time t = rs.getTime(column);
        return t == null ? null : t.toLocalTime();
    }

    private static Region region(ResultSet rs, int n) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("calendar_code"), rs.getLong("version"));
    }

    private static Branch branch(ResultSet rs, int n) throws SQLException {
        return new Branch(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("region_code"), rs.getString("address_zh"), rs.getString("address_en"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"),
                rs.getString("time_zone"), rs.getBoolean("active"), rs.getLong("version"));
    }

    private static Zone zone(ResultSet rs, int n) throws SQLException {
        return new Zone(rs.getString("branch_code"), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), ZoneKind.valueOf(rs.getString("kind")), rs.getBoolean("active"),
                rs.getLong("version"));
    }

    private static Counter counter(ResultSet rs, int n) throws SQLException {
        return new Counter(rs.getString("branch_code"), rs.getString("code"), rs.getString("display_no"),
                rs.getString("zone_code"), CounterKind.valueOf(rs.getString("kind")), rs.getBoolean("active"),
                rs.getLong("version"));
    }
}
