package org.fuwu.staff.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.DemoData;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo bank's staff (profile {@code demo}): one account per role, the skill catalogue and some
 * skills. Idempotent: creates only what is missing. Prints the demo log-ins, with the demo
 * password, once at start: the only place a password is ever written to the log.
 */
@Component
@Profile("demo")
@Order(DemoData.STAFF)
@EnableConfigurationProperties(DemoProperties.class)
class StaffDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffDemoData.class);

    record DemoAccount(String username, String displayName, String employeeNumber, Role role, Scope.Level level,
                       String scopeCode, Map<String, Integer> skills) {
    }

    static final List<Skill> SKILLS = List.of(
            new Skill("lang-zh", "普通话", "Mandarin Chinese"),
            new Skill("lang-yue", "粤语", "Cantonese"),
            new Skill("lang-en", "英语", "English"),
            new Skill("cards", "银行卡", "Cards"),
            new Skill("loans", "贷款", "Loans"),
            new Skill("deposits", "存款", "Deposits"),
            new Skill("wealth", "理财", "Wealth management"),
            new Skill("complaints", "投诉处理", "Complaint handling"),
            new Skill("fx", "外汇", "Foreign exchange"));

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "陈建国", "E0001", Role.ADMIN, Scope.Level.BANK, null, Map.of()),
            new DemoAccount("auditor", "刘敏", "E0002", Role.AUDITOR, Scope.Level.BANK, null, Map.of()),
            new DemoAccount("teller1", "王芳", "E0101", Role.TELLER, Scope.Level.BRANCH, "B001",
                    skills("lang-zh", 5, "lang-en", 2, "deposits", 5, "cards", 4, "wealth", 3, "fx", 3)),
            new DemoAccount("teller2", "李娜", "E0102", Role.TELLER, Scope.Level.BRANCH, "B002",
                    skills("lang-zh", 5, "lang-yue", 4, "deposits", 4, "cards", 3)),
            new DemoAccount("lobby1", "张伟", "E0103", Role.LOBBY_MANAGER, Scope.Level.BRANCH, "B001",
                    skills("lang-zh", 5, "lang-en", 3, "complaints", 3, "wealth", 2)),
            new DemoAccount("agent1", "赵丽", "E0201", Role.AGENT, Scope.Level.BANK, null,
                    skills("lang-zh", 5, "lang-en", 4, "cards", 4, "loans", 3, "complaints", 3, "fx", 2)),
            new DemoAccount("agent2", "钱明", "E0207", Role.AGENT, Scope.Level.BANK, null,
                    skills("lang-zh", 5, "lang-en", 2, "loans", 5, "deposits", 4, "wealth", 4)),
            new DemoAccount("supervisor1", "孙强", "E0202", Role.SUPERVISOR, Scope.Level.BANK, null, Map.of()),
            new DemoAccount("officer1", "周静", "E0203", Role.COMPLAINT_OFFICER, Scope.Level.BANK, null,
                    skills("complaints", 5)),
            new DemoAccount("quality1", "吴磊", "E0204", Role.QUALITY_MANAGER, Scope.Level.BANK, null, Map.of()),
            new DemoAccount("risk1", "郑洁", "E0205", Role.RISK_ANALYST, Scope.Level.BANK, null, Map.of()),
            new DemoAccount("analyst1", "黄涛", "E0206", Role.ANALYST, Scope.Level.BANK, null, Map.of()));

    private final StaffAccountRepository accounts;
    private final SkillRepository skills;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final DemoProperties props;

    StaffDemoData(StaffAccountRepository accounts, SkillRepository skills, PasswordEncoder encoder, AuditLog audit,
                  Clock clock, TransactionTemplate tx, DemoProperties props) {
        this.accounts = accounts;
        this.skills = skills;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> created = tx.execute(status -> load());
        if (created != null && !created.isEmpty()) {
            log.info("Demo staff: created {} account(s): {}", created.size(), created);
        }
        log.info(banner());
    }

    private List<String> load() {
        Instant now = clock.instant();
        for (Skill s : SKILLS) {
            if (!skills.exists(s.code())) {
                skills.insert(s, now);
            }
        }
        List<String> created = new ArrayList<>();
        String hash = null;
        for (DemoAccount d : ACCOUNTS) {
            if (accounts.usernameTaken(d.username())) {
                continue;
            }
            if (hash == null) {
                hash = encoder.encode(props.password());
            }
            long id = accounts.insert(new StaffAccountRepository.NewAccount(d.username(), d.displayName(),
                    d.employeeNumber(), true, Set.of(d.role()), d.level(), d.scopeCode(), d.skills()), hash, now);
            audit.success("staff.account.create", "staff:" + id, Map.of("source", "demo", "roles", d.role().name()));
            created.add(d.username());
        }
        return created;
    }

    String banner() {
        StringBuilder b = new StringBuilder();
        String line = "=".repeat(72);
        b.append('\n').append(line).append('\n');
        b.append(" Fuwu DEMO staff log-ins (profile 'demo'; never use these in production)\n");
        b.append(String.format(" %-13s %-18s %s%n", "username", "role", "scope"));
        for (DemoAccount d : ACCOUNTS) {
            b.append(String.format(" %-13s %-18s %s%n", d.username(), d.role().name(),
                    d.level() == Scope.Level.BANK ? "BANK" : d.level() + ":" + d.scopeCode()));
        }
        b.append(" password of every demo account: ").append(props.password()).append('\n');
        b.append(line);
        return b.toString();
    }

    private static Map<String, Integer> skills(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
