package org.fuwu.contact.web;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ContactConfigStore;
import org.fuwu.contact.internal.ContactProperties;
import org.fuwu.contact.internal.ContactQueue;
import org.fuwu.contact.internal.ConversationDetails;
import org.fuwu.contact.internal.WallService;
import org.fuwu.platform.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact centre's pages: the customer's chat (standalone, so a bank's web page or app can embed
 * it), the agent workstation and the supervisor wall. The pages draw themselves from the API and the
 * live streams; the server renders the first state.
 */
@Controller
class ContactPageController {

    /** The platform's policy with the chat's own frame-ancestors (the bank's pages that embed it). */
    static final String CHAT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'";

    private final ContactConfigStore config;
    private final AgentWork work;
    private final ConversationDetails details;
    private final WallService wall;
    private final ContactProperties properties;
    private final org.fuwu.contact.internal.ReportService reportService;

    ContactPageController(ContactConfigStore config, AgentWork work, ConversationDetails details, WallService wall,
                          ContactProperties properties, org.fuwu.contact.internal.ReportService reportService) {
        this.reportService = reportService;
        this.config = config;
        this.work = work;
        this.details = details;
        this.wall = wall;
        this.properties = properties;
    }

    @GetMapping("/chat")
    String chat(@RequestParam(required = false) String topic, @RequestParam(required = false) String channel,
                Model model, Locale locale, HttpServletResponse res) {
        String origins = properties.chatEmbedOrigins().stream().map(String::strip).filter(o -> !o.isBlank())
                .collect(Collectors.joining(" "));
        res.setHeader("Content-Security-Policy", origins.isEmpty() ? CHAT_CSP : CHAT_CSP + " " + origins);
        res.setHeader("X-Frame-Options", null);
        model.addAttribute("queues", config.queues().stream().filter(ContactQueue::active).toList());
        model.addAttribute("topic", topic);
        model.addAttribute("channel", "APP_CHAT".equalsIgnoreCase(channel) ? "APP_CHAT" : "WEB_CHAT");
        model.addAttribute("language", locale.getLanguage().equals("en") ? "en" : "zh-CN");
        return "contact/chat";
    }

    @GetMapping("/agent")
    String agent(Model model, Locale locale) {
        var state = work.state(CurrentStaff.get());
        String lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
        model.addAttribute("me", state);
        model.addAttribute("conversations", state.open().stream().map(details::summary).toList());
        model.addAttribute("wrapUps", config.wrapUpCodes().stream().filter(ContactConfigStore.WrapUpCode::active).toList());
        model.addAttribute("canned", config.cannedResponses(lang));
        model.addAttribute("macros", config.macros(lang));
        model.addAttribute("queues", config.queues().stream().filter(ContactQueue::active).toList());
        model.addAttribute("bankName", properties.bankName(lang));
        model.addAttribute("language", lang);
        return "contact/workstation";
    }

    @GetMapping("/supervisor/reports")
    String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String grain, Model model) {
        var q = reportService.query(from, to, grain);
        model.addAttribute("query", q);
        model.addAttribute("rows", reportService.rows(q));
        model.addAttribute("zone", properties.zone());
        return "contact/reports";
    }

    @GetMapping("/supervisor/responses")
    String responses(@RequestParam(required = false) String language, Model model, Locale locale) {
        String lang = language != null ? (language.startsWith("en") ? "en" : "zh-CN")
                : locale.getLanguage().equals("en") ? "en" : "zh-CN";
        model.addAttribute("language", lang);
        model.addAttribute("canned", config.cannedResponses(lang));
        model.addAttribute("macros", config.macros(lang));
        model.addAttribute("wrapUps", config.wrapUpCodes().stream().filter(ContactConfigStore.WrapUpCode::active).toList());
        model.addAttribute("queues", config.queues().stream().filter(ContactQueue::active).toList());
        return "contact/responses";
    }

    @GetMapping("/supervisor/wall")
    String wall(Model model) {
        model.addAttribute("wall", wall.now());
        model.addAttribute("zone", properties.zone());
        return "contact/wall";
    }
}
