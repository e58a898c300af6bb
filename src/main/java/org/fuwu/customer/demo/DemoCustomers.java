package org.fuwu.customer.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.customer.internal.Gender;
import org.fuwu.customer.internal.PreferentialPolicy;
import org.fuwu.platform.Identifiers;

/**
 * Generates the demo bank's customers, the same ones for the same seed: Chinese names, valid
 * mainland ID numbers (real region codes, plausible birth dates, the gender digit and the check
 * digit right), mobile numbers, a segment (mostly ordinary), preferential classes, some cards
 * (Luhn-valid, ICBC 622202 or CCB 621700) and e-mails. Spring-free, so that a unit test checks it.
 */
public final class DemoCustomers {

    /** One demo customer, raw, as a teller would type it. */
    public record DemoCustomer(String name, Gender gender, String idNumber, String mobile, String cardNumber, String email,
                               Segment segment, Set<PreferentialClass> flagged, String homeBranchCode,
                               String preferredLanguage, boolean marketingConsent) {
    }

    private record Region(String code, String branches) {
    }

    /** Real county-level region codes of GB/T 2260, with the demo branches of their city. */
    private static final Region[] REGIONS = {
        new Region("310101", "B001"), new Region("310104", "B003"), new Region("310105", "B003"),
        new Region("310106", "B001"), new Region("310107", "B002"), new Region("310115", "B002"),
        new Region("310112", "B003"), new Region("110101", "B101"), new Region("110102", "B101"),
        new Region("110105", "B101"), new Region("110108", "B101"), new Region("440305", null),
        new Region("440304", null), new Region("440106", null), new Region("330106", null),
        new Region("320102", null), new Region("510107", null), new Region("420106", null),
        new Region("610113", null), new Region("500103", null), new Region("120101", null),
        new Region("370202", null), new Region("350203", null), new Region("210102", null),
    };

    private static final String[][] SURNAMES = {
        {"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"},
        {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"}, {"马", "ma"}, {"朱", "zhu"},
        {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"高", "gao"}, {"林", "lin"}, {"罗", "luo"}, {"郑", "zheng"},
        {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"}, {"唐", "tang"}, {"许", "xu"}, {"韩", "han"}, {"冯", "feng"},
        {"邓", "deng"}, {"曹", "cao"}, {"彭", "peng"}, {"曾", "zeng"}, {"肖", "xiao"}, {"田", "tian"}, {"董", "dong"},
        {"潘", "pan"}, {"袁", "yuan"}, {"蒋", "jiang"}, {"蔡", "cai"}, {"余", "yu"}, {"杜", "du"}, {"叶", "ye"},
        {"程", "cheng"}, {"苏", "su"}, {"魏", "wei"}, {"吕", "lv"}, {"丁", "ding"}, {"沈", "shen"}, {"姚", "yao"},
        {"陆", "lu"}, {"欧阳", "ouyang"}, {"司马", "sima"},
    };

    private static final String[][] MALE_GIVEN = {
        {"伟", "wei"}, {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"勇", "yong"}, {"杰", "jie"}, {"涛", "tao"},
        {"明", "ming"}, {"超", "chao"}, {"刚", "gang"}, {"平", "ping"}, {"辉", "hui"}, {"鹏", "peng"}, {"华", "hua"},
        {"建国", "jianguo"}, {"志强", "zhiqiang"}, {"海涛", "haitao"}, {"俊杰", "junjie"}, {"子轩", "zixuan"},
        {"浩然", "haoran"}, {"宇航", "yuhang"}, {"文博", "wenbo"}, {"国庆", "guoqing"}, {"建华", "jianhua"},
        {"德明", "deming"}, {"振宇", "zhenyu"}, {"嘉豪", "jiahao"}, {"天佑", "tianyou"},
    };

    private static final String[][] FEMALE_GIVEN = {
        {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"}, {"艳", "yan"}, {"娟", "juan"},
        {"霞", "xia"}, {"燕", "yan"}, {"玲", "ling"}, {"婷", "ting"}, {"雪", "xue"}, {"秀英", "xiuying"},
        {"桂英", "guiying"}, {"淑珍", "shuzhen"}, {"丽华", "lihua"}, {"晓燕", "xiaoyan"}, {"雨桐", "yutong"},
        {"欣怡", "xinyi"}, {"梓涵", "zihan"}, {"思琪", "siqi"}, {"佳怡", "jiayi"}, {"美玲", "meiling"},
        {"慧敏", "huimin"}, {"春梅", "chunmei"}, {"子涵", "zihan"}, {"诗雨", "shiyu"},
    };

    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159",
        "166", "176", "177", "180", "181", "185", "186", "187", "188", "189", "191", "199",
    };

    private static final String[] CARD_BINS = {"622202", "621700"};
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "example.cn"};

    private DemoCustomers() {
    }

    /**
     * The demo customers for a seed.
     *
     * @param reference the day ages are counted on, fixed so that the data do not drift with the clock
     */
    public static List<DemoCustomer> generate(long seed, int count, LocalDate reference) {
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        Set<String> cards = new HashSet<>();
        Set<String> emails = new HashSet<>();
        List<DemoCustomer> out = new ArrayList<>(count);
        while (out.size() < count) {
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String[][] givens = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
            String[] given = givens[random.nextInt(givens.length)];
            Region region = REGIONS[random.nextInt(REGIONS.length)];
            LocalDate birth = birthDate(random, reference);
            String idNumber = idNumber(region.code(), birth, gender, random);
            String mobile = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(random, 8);
            if (!ids.add(idNumber) || !mobiles.add(mobile)) {
                continue;
            }
            int age = PreferentialPolicy.age(birth, reference);
            Segment segment = segment(random, age);
            String card = null;
            if (segment != Segment.ORDINARY || random.nextInt(100) < 45) {
                card = cardNumber(CARD_BINS[random.nextInt(CARD_BINS.length)], random);
                if (!cards.add(card)) {
                    continue;
                }
            }
            String email = null;
            if (age < 65 && random.nextInt(100) < 40) {
                email = surname[1] + "." + given[1] + (1 + random.nextInt(999)) + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
                if (!emails.add(email)) {
                    email = null;
                }
            }
            EnumSet<PreferentialClass> flagged = EnumSet.noneOf(PreferentialClass.class);
            if (age >= PreferentialPolicy.ELDERLY_AGE) {
                flagged.add(PreferentialClass.ELDERLY);
            }
            if (random.nextInt(100) < 3) {
                flagged.add(PreferentialClass.DISABLED);
            }
            if (gender == Gender.FEMALE && age >= 22 && age <= 40 && random.nextInt(100) < 8) {
                flagged.add(PreferentialClass.PREGNANT);
            }
            String branch = region.branches() != null ? region.branches()
                    : new String[] {"B001", "B002", "B003", "B101", null, null}[random.nextInt(6)];
            String language = random.nextInt(100) < 5 ? "en" : "zh-CN";
            boolean consent = random.nextInt(100) < 55;
            out.add(new DemoCustomer(surname[0] + given[0], gender, idNumber, mobile, card, email, segment, flagged, branch,
                    language, consent));
        }
        return out;
    }

    /** Ages 18 to 89, more of them in working age. */
    private static LocalDate birthDate(Random random, LocalDate reference) {
        int age = 18 + (int) Math.min(71, Math.abs(random.nextGaussian() * 22 + 20));
        return reference.minusYears(age).minusDays(random.nextInt(365));
    }

    /** Mostly ordinary; VIP and private banking more likely with age. */
    private static Segment segment(Random random, int age) {
        int roll = random.nextInt(100);
        int privateShare = age >= 35 ? 4 : 1;
        int vipShare = age >= 30 ? 16 : 8;
        if (roll < privateShare) {
            return Segment.PRIVATE;
        }
        return roll < privateShare + vipShare ? Segment.VIP : Segment.ORDINARY;
    }

    /** Region, birth date, a sequence whose last digit is odd for men and even for women, and the check digit. */
    static String idNumber(String regionCode, LocalDate birth, Gender gender, Random random) {
        int seq = random.nextInt(100) * 10 + random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = regionCode + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", seq);
        return first17 + Identifiers.idCheckDigit(first17);
    }

    /** A 19-digit card number of a BIN with its Luhn check digit. */
    static String cardNumber(String bin, Random random) {
        String body = bin + digits(random, 12);
        for (int d = 0; d <= 9; d++) {
            if (Identifiers.isCardNumber(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
