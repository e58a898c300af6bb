package org.fuwu.knowledge.internal;

import java.util.List;

import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo bank's knowledge base: a category tree, a synonym dictionary and two dozen published FAQ entries in
 * Chinese and English (card loss, passwords, transfer limits, opening hours, fees…), written by the demo quality
 * manager and published by the demo supervisor, plus one draft in review. Loaded once: nothing is added when the
 * knowledge base has entries.
 */
@Component
@Profile("demo")
@Order(DemoData.CONTACT + 100)
class KnowledgeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);
    static final String AUTHOR = "quality1";
    static final String REVIEWER = "supervisor1";
    static final List<String> ALL = List.of("WEB", "APP", "WECHAT", "AGENT", "ASSISTANT", "KIOSK");

    private final KnowledgeService knowledge;
    private final KnowledgeStore store;

    KnowledgeDemoData(KnowledgeService knowledge, KnowledgeStore store) {
        this.knowledge = knowledge;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.list(null, null, null, 1).isEmpty()) {
            return;
        }
        category("CARDS", null, "银行卡", "Cards", 10);
        category("CARD_LOSS", "CARDS", "挂失与补卡", "Loss and replacement", 11);
        category("CARD_USE", "CARDS", "用卡服务", "Using your card", 12);
        category("ACCOUNTS", null, "账户与密码", "Accounts and passwords", 20);
        category("TRANSFERS", null, "转账汇款", "Transfers", 30);
        category("BRANCHES", null, "网点服务", "Branch services", 40);
        category("FEES", null, "收费标准", "Fees", 50);
        category("DIGITAL", null, "网上银行与手机银行", "Online and mobile banking", 60);

        if (store.synonyms().isEmpty()) {
            synonyms("zh", "挂失, 卡丢了, 丢卡, 卡丢失, 卡片丢失, 卡被偷, 卡被盗, 冻结卡, 止付");
            synonyms("zh", "忘记密码, 密码忘了, 重置密码, 密码锁定, 密码被锁");
            synonyms("zh", "转账, 汇款, 转钱, 打款");
            synonyms("zh", "限额, 额度, 上限");
            synonyms("zh", "营业时间, 开门时间, 几点开门, 上班时间, 几点关门");
            synonyms("zh", "手续费, 费用, 收费, 扣费");
            synonyms("zh", "吞卡, 卡被吞, 卡被ATM吞");
            synonyms("en", "lost card, stolen card, missing card, freeze card, block card, report card lost");
            synonyms("en", "forgot password, reset password, locked out, forgotten PIN, reset PIN");
            synonyms("en", "transfer, send money, wire, remit");
            synonyms("en", "limit, maximum, cap");
            synonyms("en", "opening hours, business hours, open, close");
            synonyms("en", "fee, charge, cost");
            synonyms("en", "swallowed card, retained card, ATM kept card");
        }

        int n = 0;
        n += zh("CARD_LOSS", "银行卡丢失了怎么挂失？", List.of("银行卡丢了怎么办", "卡被偷了怎么冻结", "信用卡遗失如何处理", "如何临时挂失借记卡"),
                "<p>请立即办理<strong>口头挂失</strong>：拨打 24 小时客服热线 95xxx，或在手机银行“卡片管理 → 挂失”中操作，挂失即时生效。</p>"
                        + "<p>口头挂失有效期 5 天，请在此期间携带本人有效身份证件到任一网点办理<strong>正式挂失</strong>并申请补卡。</p>",
                List.of("DEBIT_CARD", "CREDIT_CARD"));
        n += zh("CARD_LOSS", "挂失后如何补办银行卡？", List.of("补卡需要什么材料", "挂失之后怎么补卡", "补办新卡多久能拿到"),
                "<p>正式挂失 7 天后可补卡：携带本人有效身份证件到开户行或任一网点办理，原卡号可保留。补卡工本费 5 元。</p>",
                List.of("DEBIT_CARD"));
        n += zh("CARD_USE", "银行卡被 ATM 吞了怎么办？", List.of("ATM吞卡怎么处理", "取款机把卡吞了", "卡被自动柜员机吞了"),
                "<p>请拨打 ATM 上标示的电话或客服热线 95xxx 登记。工作日次日起凭本人身份证件到该 ATM 所属网点领卡；3 个工作日内未领取的卡片将被销毁。</p>",
                List.of("DEBIT_CARD"));
        n += zh("ACCOUNTS", "忘记银行卡密码怎么办？", List.of("银行卡密码忘了", "怎样重置取款密码", "密码输错被锁了怎么办"),
                "<p>本人携带有效身份证件和银行卡到任一网点办理<strong>密码重置</strong>，当场生效。</p>"
                        + "<p>密码连续输错 3 次当日锁定，次日自动解锁；也可在手机银行通过人脸识别重置。</p>",
                List.of("DEBIT_CARD"));
        n += zh("DIGITAL", "手机银行登录密码忘记了怎么重置？", List.of("手机银行密码忘了", "登录不了手机银行", "怎么找回网银登录密码"),
                "<p>在手机银行登录页点击“忘记密码”，验证银行卡号、预留手机号短信验证码和人脸识别后即可设置新的登录密码。</p>",
                List.of("MOBILE_BANKING"));
        n += zh("TRANSFERS", "手机银行转账限额是多少？", List.of("每天最多能转多少钱", "转账额度是多少", "单笔转账上限"),
                "<p>默认限额：</p><ul><li>短信验证：单笔 5 万元，日累计 20 万元</li><li>U 盾或数字证书：单笔 50 万元，日累计 100 万元</li></ul>"
                        + "<p>可在手机银行“安全中心 → 限额管理”中调低；调高请到网点办理。</p>",
                List.of("MOBILE_BANKING"));
        n += zh("TRANSFERS", "如何提高转账限额？", List.of("转账额度不够怎么办", "怎么调高每日转账上限"),
                "<p>本人携带有效身份证件和银行卡到网点申领 U 盾后，可将限额提高到单笔 50 万元、日累计 100 万元。</p>",
                List.of("MOBILE_BANKING"));
        n += zh("TRANSFERS", "跨行转账多久到账？", List.of("转账什么时候到账", "汇款要多久", "转账没到账怎么办"),
                "<p>手机银行跨行转账 5 万元以下通常实时到账；选择“普通到账”为 2 小时内，“次日到账”为下一个工作日。"
                        + "未到账请先核对收款人信息，再致电 95xxx 查询。</p>",
                List.of("MOBILE_BANKING"));
        n += zh("FEES", "跨行转账收手续费吗？", List.of("转账要钱吗", "汇款手续费多少"),
                "<p>手机银行和网上银行境内人民币转账（含跨行）免收手续费；柜台跨行汇款按金额收取 2～50 元。</p>",
                List.of("MOBILE_BANKING"));
        n += zh("FEES", "借记卡有年费吗？", List.of("银行卡年费怎么收", "小额账户管理费", "为什么扣了我10元"),
                "<p>借记卡免年费。自 2026 年起本行已取消小额账户管理费；如发现扣费请致电 95xxx 申请退还。</p>",
                List.of("DEBIT_CARD"));
        n += zh("BRANCHES", "网点营业时间是几点？", List.of("银行几点开门", "周末营业吗", "网点几点下班"),
                "<p>多数网点周一至周五 9:00–17:00 营业，部分网点周六、周日 9:00–16:00 营业。各网点时间以“网点查询”为准，法定节假日另行公告。</p>",
                List.of());
        n += zh("BRANCHES", "取大额现金需要预约吗？", List.of("取5万元现金要预约吗", "大额取款怎么预约"),
                "<p>单笔取现 5 万元（含）以上请提前一个工作日通过手机银行、客服热线或网点预约，并携带本人有效身份证件。</p>",
                List.of("DEBIT_CARD"));

        n += en("CARD_LOSS", "How do I report a lost or stolen card?", List.of("I lost my card", "My card was stolen",
                        "How can I block my debit card?"),
                "<p>Block it at once: call our 24-hour hotline 95xxx or use <strong>Cards → Report lost</strong> in the mobile app. "
                        + "The block takes effect immediately.</p><p>Within 5 days, bring your ID to any branch to confirm the "
                        + "report and order a replacement card.</p>",
                List.of("DEBIT_CARD", "CREDIT_CARD"));
        n += en("CARD_LOSS", "How do I get a replacement card?", List.of("replace my card", "new card after reporting it lost"),
                "<p>From 7 days after the formal report, bring your ID to any branch. You can keep your card number; the fee is CNY 5.</p>",
                List.of("DEBIT_CARD"));
        n += en("CARD_USE", "The ATM kept my card. What should I do?", List.of("ATM swallowed my card", "cash machine retained my card"),
                "<p>Call the number shown on the ATM or 95xxx. From the next working day, collect the card at the branch that runs "
                        + "the ATM with your ID; cards not collected within 3 working days are destroyed.</p>",
                List.of("DEBIT_CARD"));
        n += en("ACCOUNTS", "I forgot my card PIN. How do I reset it?", List.of("forgotten PIN", "my PIN is locked",
                        "reset card password"),
                "<p>Bring your ID and the card to any branch to reset the PIN at once. Three wrong PINs lock the card for the day; "
                        + "it unlocks the next day. You can also reset it in the mobile app with face verification.</p>",
                List.of("DEBIT_CARD"));
        n += en("DIGITAL", "How do I reset my mobile banking login password?", List.of("cannot log in to the app",
                        "forgot online banking password"),
                "<p>Tap <em>Forgot password</em> on the login screen, then confirm your card number, the SMS code sent to your "
                        + "registered mobile and face verification.</p>",
                List.of("MOBILE_BANKING"));
        n += en("TRANSFERS", "What are the transfer limits in the mobile app?", List.of("how much can I transfer per day",
                        "maximum transfer amount", "daily transfer limit"),
                "<ul><li>With an SMS code: CNY 50,000 per transfer, CNY 200,000 per day</li><li>With a USB key or digital certificate: "
                        + "CNY 500,000 per transfer, CNY 1,000,000 per day</li></ul><p>Lower them under Security → Limits; "
                        + "raise them at a branch.</p>",
                List.of("MOBILE_BANKING"));
        n += en("TRANSFERS", "How long does a transfer to another bank take?", List.of("when will my transfer arrive",
                        "transfer not received"),
                "<p>Transfers under CNY 50,000 usually arrive in real time; \"standard\" within 2 hours, \"next day\" on the next "
                        + "working day. If it has not arrived, check the payee's details, then call 95xxx.</p>",
                List.of("MOBILE_BANKING"));
        n += en("FEES", "Are there fees for transfers to other banks?", List.of("does sending money cost anything",
                        "transfer charges"),
                "<p>Domestic CNY transfers in the mobile app and online banking are free, including to other banks. "
                        + "At the counter, CNY 2 to 50 depending on the amount.</p>",
                List.of("MOBILE_BANKING"));
        n += en("FEES", "Is there an annual fee on my debit card?", List.of("debit card annual charge", "small balance fee"),
                "<p>No. Debit cards have no annual fee, and the small-balance fee was abolished in 2026. If you were charged, "
                        + "call 95xxx for a refund.</p>",
                List.of("DEBIT_CARD"));
        n += en("BRANCHES", "What are the branch opening hours?", List.of("when does the bank open", "are branches open at the weekend"),
                "<p>Most branches open Monday to Friday 9:00–17:00, some also Saturday and Sunday 9:00–16:00. See each branch's "
                        + "page for its hours; public holidays are announced.</p>",
                List.of());
        n += en("BRANCHES", "Do I need to book a large cash withdrawal?", List.of("withdraw CNY 50,000 in cash",
                        "book a cash withdrawal"),
                "<p>For CNY 50,000 or more in one withdrawal, book one working day ahead in the app, by phone or at the branch, "
                        + "and bring your ID.</p>",
                List.of("DEBIT_CARD"));

        // a draft in review, to show the workflow
        var draft = EntryRules.check(new EntryInput("FAQ", "zh", "BRANCHES", "春节期间网点营业安排", List.of("春节银行开门吗"),
                "<p>春节期间（除夕至初三）部分网点营业 10:00–15:00，具体以网点公告为准。</p>", List.of(), ALL, null, null, AUTHOR),
                "", AUTHOR, c -> true);
        knowledge.draftInReviewDemo(draft, AUTHOR);
        log.info("knowledge demo data: {} published entries and 1 draft in review", n);
    }

    private void category(String code, String parent, String zh, String en, int position) {
        if (store.categoryId(code).isEmpty()) {
            knowledge.putCategory(code, parent, zh, en, position);
        }
    }

    private void synonyms(String language, String terms) {
        knowledge.addSynonym(language, SynonymExpansion.parseTerms(terms));
    }

    private int zh(String category, String question, List<String> similar, String answer, List<String> products) {
        return entry("zh", category, question, similar, answer, products);
    }

    private int en(String category, String question, List<String> similar, String answer, List<String> products) {
        return entry("en", category, question, similar, answer, products);
    }

    private int entry(String language, String category, String question, List<String> similar, String answer, List<String> products) {
        knowledge.publishDemo(new EntryInput("FAQ", language, category, question, similar, answer, products, ALL, null, null, AUTHOR),
                AUTHOR, REVIEWER);
        return 1;
    }
}
