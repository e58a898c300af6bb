package org.fuwu.contact.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.contact.internal.ContactDemoSupport;
import org.fuwu.contact.internal.ContactConfigStore.CannedResponse;
import org.fuwu.contact.internal.MacroPolicy;
import org.fuwu.contact.internal.ContactConfigStore.WrapUpCode;
import org.fuwu.contact.internal.QueueAdmin.QueueInput;
import org.fuwu.platform.DemoData;
import org.fuwu.routing.SkillRequirement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo bank's contact centre (profile {@code demo}): queues with their skills, the wrap-up codes,
 * canned responses in both languages, and the demo agents' queues. Idempotent: adds only what is missing.
 */
@Component
@Profile("demo")
@Order(DemoData.CONTACT)
class ContactDemoData implements ApplicationRunner {

    static final List<QueueInput> QUEUES = List.of(
            new QueueInput("general", "通用咨询", "General enquiries", 0, List.of(), Set.of(), 20, 80, true),
            new QueueInput("cards", "银行卡", "Cards", 0, List.of(SkillRequirement.required("cards", 3)), Set.of("general"),
                    20, 80, true),
            new QueueInput("loans", "贷款", "Loans", 0, List.of(SkillRequirement.required("loans", 3)), Set.of("general"),
                    30, 80, true),
            new QueueInput("complaints", "投诉", "Complaints", 10, List.of(SkillRequirement.required("complaints", 3)),
                    Set.of(), 20, 90, true));

    static final List<WrapUpCode> WRAP_UPS = List.of(
            new WrapUpCode("resolved", "已解决", "Resolved", true, true),
            new WrapUpCode("info-given", "已告知信息", "Information given", true, true),
            new WrapUpCode("follow-up", "需跟进", "Follow-up needed", false, true),
            new WrapUpCode("branch-referral", "转网点办理", "Referred to a branch", false, true),
            new WrapUpCode("no-response", "客户无应答", "Customer did not respond", false, true));

    static final List<CannedResponse> CANNED = List.of(
            new CannedResponse("greeting", "zh-CN", "问候", "您好{customer}，我是{bank}客服{agent}，很高兴为您服务。"),
            new CannedResponse("greeting", "en", "Greeting", "Hello {customer}, this is {agent} from {bank}. How can I help you today?"),
            new CannedResponse("card-lost", "zh-CN", "挂失银行卡",
                    "卡片丢失请立即挂失：我可以为您办理临时挂失，请提供卡号后四位，我们会发送验证码到您的预留手机。"),
            new CannedResponse("card-lost", "en", "Lost card",
                    "If your card is lost, we can block it right away: please give the last four digits of the card, and we will send a code to your registered mobile."),
            new CannedResponse("closing", "zh-CN", "结束语", "感谢您的耐心，{customer}。还有其他可以帮您的吗？"),
            new CannedResponse("closing", "en", "Closing", "Thank you for your patience, {customer}. Is there anything else I can help with?"));

    static final List<MacroPolicy.Macro> MACROS = List.of(
            new MacroPolicy.Macro("close-resolved", "zh-CN", "结束：已解决", "感谢您的耐心，{customer}。问题已为您处理完毕，祝您生活愉快！",
                    null, null, "resolved"),
            new MacroPolicy.Macro("close-resolved", "en", "Close: resolved",
                    "Thank you for your patience, {customer}. Your matter is resolved. Have a good day!", null, null, "resolved"),
            new MacroPolicy.Macro("to-complaints", "zh-CN", "转投诉专席", "{customer}，我将为您转接投诉专席，请稍候，无需重复描述问题。",
                    "客户要求投诉，已转投诉专席。", "complaints", null),
            new MacroPolicy.Macro("to-complaints", "en", "Transfer to complaints",
                    "{customer}, I am transferring you to our complaints team; you will not need to repeat yourself.",
                    "The customer wishes to complain; transferred to the complaints queue.", "complaints", null),
            new MacroPolicy.Macro("branch-referral", "zh-CN", "请至网点办理",
                    "{customer}，此业务需本人携带身份证至网点办理，您可在手机上远程取号，减少排队时间。", null, null, "branch-referral"),
            new MacroPolicy.Macro("branch-referral", "en", "Refer to a branch",
                    "{customer}, this needs you in person with your ID at a branch; you can take a number remotely on your phone to wait less.",
                    null, null, "branch-referral"));

    /** The demo agents (staff's demo accounts) and the queues they serve. */
    static final Map<String, Set<String>> AGENT_QUEUES = Map.of(
            "agent1", Set.of("general", "cards", "complaints"),
            "agent2", Set.of("general", "loans"));

    private final ContactDemoSupport support;

    ContactDemoData(ContactDemoSupport support) {
        this.support = support;
    }

    @Override
    public void run(ApplicationArguments args) {
        support.load(QUEUES, WRAP_UPS, CANNED, MACROS, AGENT_QUEUES);
    }
}
