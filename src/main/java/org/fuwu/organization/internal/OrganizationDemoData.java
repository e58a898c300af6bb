package org.fuwu.organization.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo bank's organisation: two regions, three Shanghai branches in East China and one Beijing
 * branch in North China, each with its zones, counters and opening hours. Idempotent: whatever is
 * there already (by code) is left alone; deterministic: no randomness at all.
 */
@Component
@Profile("demo")
@Order(DemoData.ORGANIZATION)
class OrganizationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDemoData.class);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    private final OrganizationRepository repository;
    private final AuditLog audit;

    OrganizationDemoData(OrganizationRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        created += region("R01", "华东区", "East China");
        created += region("R02", "华北区", "North China");
        created += branch(new Branch("B001", "上海分行营业部", "Shanghai Branch Business Department", "R01",
                        "上海市黄浦区中山东一路12号", "12 Zhongshan Dong Yi Road, Huangpu District, Shanghai",
                        dec("31.239700"), dec("121.490600"), "021-6321 5888", "Asia/Shanghai", true, 0),
                List.of(ZoneKind.LARGE_CASH, ZoneKind.SMALL_CASH, ZoneKind.NON_CASH, ZoneKind.WEALTH,
                        ZoneKind.FOREIGN_EXCHANGE, ZoneKind.SELF_SERVICE, ZoneKind.VIP), 8,
                week(NINE, FIVE_PM, LocalTime.of(9, 0), LocalTime.of(16, 0), null, null));
        created += branch(new Branch("B002", "浦东支行", "Pudong Sub-branch", "R01",
                        "上海市浦东新区世纪大道100号", "100 Century Avenue, Pudong New Area, Shanghai",
                        dec("31.235300"), dec("121.506900"), "021-5888 1234", "Asia/Shanghai", true, 0),
                List.of(ZoneKind.LARGE_CASH, ZoneKind.SMALL_CASH, ZoneKind.NON_CASH, ZoneKind.WEALTH,
                        ZoneKind.SELF_SERVICE, ZoneKind.VIP), 7,
                week(NINE, LocalTime.of(17, 30), LocalTime.of(10, 0), LocalTime.of(15, 0), null, null));
        created += branch(new Branch("B003", "徐汇支行", "Xuhui Sub-branch", "R01",
                        "上海市徐汇区漕溪北路88号", "88 Caoxi North Road, Xuhui District, Shanghai",
                        dec("31.194900"), dec("121.437200"), "021-6438 6600", "Asia/Shanghai", true, 0),
                List.of(ZoneKind.LARGE_CASH, ZoneKind.SMALL_CASH, ZoneKind.NON_CASH, ZoneKind.WEALTH,
                        ZoneKind.SELF_SERVICE, ZoneKind.VIP), 6,
                week(NINE, FIVE_PM, null, null, null, null));
        created += branch(new Branch("B101", "北京朝阳支行", "Beijing Chaoyang Sub-branch", "R02",
                        "北京市朝阳区建国路88号", "88 Jianguo Road, Chaoyang District, Beijing",
                        dec("39.908700"), dec("116.470600"), "010-6588 8800", "Asia/Shanghai", true, 0),
                List.of(ZoneKind.LARGE_CASH, ZoneKind.SMALL_CASH, ZoneKind.NON_CASH, ZoneKind.WEALTH,
                        ZoneKind.FOREIGN_EXCHANGE, ZoneKind.SELF_SERVICE, ZoneKind.VIP), 7,
                week(LocalTime.of(8, 30), FIVE_PM, NINE, LocalTime.of(15, 0), null, null));
        if (created > 0) {
            audit.success("organization.demo.load", "organization:demo", java.util.Map.of("created", String.valueOf(created)));
            log.info("Demo organisation loaded: {} regions and branches created", created);
        }
    }

    private int region(String code, String zh, String en) {
        if (repository.findRegion(code).isPresent()) {
            return 0;
        }
        repository.insertRegion(new Region(code, zh, en, "CN", 0));
        return 1;
    }

    private int branch(Branch b, List<ZoneKind> zoneKinds, int counters, List<DayHours> week) {
        if (repository.findBranch(b.code()).isPresent()) {
            return 0;
        }
        repository.insertBranch(b);
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < zoneKinds.size(); i++) {
            ZoneKind kind = zoneKinds.get(i);
            Zone z = new Zone(b.code(), "Z%02d".formatted(i + 1), zoneZh(kind), zoneEn(kind), kind, true, 0);
            repository.insertZone(z);
            zones.add(z);
        }
        for (int i = 1; i <= counters; i++) {
            ZoneKind kind = counterZone(i, counters);
            String zone = zones.stream().filter(z -> z.kind() == kind).findFirst().orElse(zones.get(0)).code();
            CounterKind counterKind = kind == ZoneKind.VIP ? CounterKind.VIP
                    : kind == ZoneKind.WEALTH ? CounterKind.WEALTH : CounterKind.NORMAL;
            repository.insertCounter(new Counter(b.code(), "C%02d".formatted(i), String.valueOf(i), zone, counterKind,
                    true, 0));
        }
        repository.replaceWeek(b.code(), week);
        return 1;
    }

    /** Counters 1-2 large cash, then small cash, non-cash, and the last two wealth and VIP. */
    private static ZoneKind counterZone(int i, int total) {
        if (i == total) {
            return ZoneKind.VIP;
        }
        if (i == total - 1) {
            return ZoneKind.WEALTH;
        }
        return switch (i) {
            case 1, 2 -> ZoneKind.LARGE_CASH;
            case 3, 4 -> ZoneKind.SMALL_CASH;
            default -> ZoneKind.NON_CASH;
        };
    }

    private static List<DayHours> week(LocalTime opens, LocalTime closes, LocalTime satOpens, LocalTime satCloses,
                                       LocalTime sunOpens, LocalTime sunCloses) {
        List<DayHours> week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d == DayOfWeek.SATURDAY) {
                week.add(satOpens == null ? DayHours.closed(d) : DayHours.open(d, satOpens, satCloses));
            } else if (d == DayOfWeek.SUNDAY) {
                week.add(sunOpens == null ? DayHours.closed(d) : DayHours.open(d, sunOpens, sunCloses));
            } else {
                week.add(DayHours.open(d, opens, closes));
            }
        }
        return week;
    }

    private static String zoneZh(ZoneKind kind) {
        return switch (kind) {
            case LARGE_CASH -> "大额现金区";
            case SMALL_CASH -> "小额现金区";
            case NON_CASH -> "非现金区";
            case WEALTH -> "理财区";
            case FOREIGN_EXCHANGE -> "外汇区";
            case SELF_SERVICE -> "自助服务区";
            case VIP -> "贵宾区";
        };
    }

    private static String zoneEn(ZoneKind kind) {
        return switch (kind) {
            case LARGE_CASH -> "Large cash";
            case SMALL_CASH -> "Small cash";
            case NON_CASH -> "Non-cash";
            case WEALTH -> "Wealth management";
            case FOREIGN_EXCHANGE -> "Foreign exchange";
            case SELF_SERVICE -> "Self-service";
            case VIP -> "VIP";
        };
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
