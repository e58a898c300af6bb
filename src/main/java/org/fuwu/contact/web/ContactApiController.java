package org.fuwu.contact.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.AgentWork.AgentState;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ChatService.CustomerView;
import org.fuwu.contact.internal.ChatService.Line;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.contact.internal.ContactConfigStore;
import org.fuwu.contact.internal.ContactConfigStore.CannedResponse;
import org.fuwu.contact.internal.ContactConfigStore.WrapUpCode;
import org.fuwu.contact.internal.ContactProperties;
import org.fuwu.contact.internal.ContactQueue;
import org.fuwu.contact.internal.ConversationDetails;
import org.fuwu.contact.internal.ConversationDetails.Detail;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.contact.internal.WallService;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.routing.Media;
import org.fuwu.routing.SkillRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact centre's API: the customer's web chat by token (public), the agent's presence and
 * conversations, and the supervisor's whisper, reassignment, queues, agents and wall.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact centre", description = "Web chat, agent presence and conversations, supervision")
class ContactApiController {

    record StartChat(String language, String name, String topic, String channel, String appUserId) {
    }

    record Started(long id, String token) {
    }

    record Text(String text) {
    }

    record PresenceInput(String state) {
    }

    record EndInput(String wrapUpCode) {
    }

    record TransferInput(String queue, Long agentId, String agentUsername) {
    }

    /** The agent named by id or by login (a colleague's login is what an agent knows); 422 naming {@code agentUsername}. */
    private Long agentOf(TransferInput in) {
        if (in.agentUsername() == null || in.agentUsername().isBlank()) {
            return in.agentId();
        }
        return directory.findByUsername(in.agentUsername().strip()).map(org.fuwu.staff.AgentDirectory.AgentProfile::accountId)
                .orElseThrow(() -> FieldValidationException.of("agentUsername", "contact.validation.agent"));
    }

    record AgentConfigInput(List<String> queues, Map<String, Integer> capacity) {
    }

    record SkillInput(String skill, Integer level, Boolean optional) {
    }

    record QueueInput(String code, String nameZh, String nameEn, Integer priority, List<SkillInput> skills,
                      List<String> overflowQueues, Integer slSeconds, Integer slPercent, Boolean active) {
    }

    /** An agent's state; conversations without the customer's token. */
    record AgentView(long accountId, String displayName, String presence, String effectivePresence, Instant presenceSince,
                     Instant afterContactWorkUntil, Set<String> queues, Map<String, Integer> skills,
                     List<ConversationDetails.Summary> conversations) {
    }

    private final ChatService chat;
    private final AgentWork work;
    private final ConversationDetails details;
    private final ContactConfigStore config;
    private final QueueAdmin queues;
    private final WallService wall;
    private final ClientRateLimit startLimit;
    private final org.fuwu.contact.internal.ChannelStore channels;
    private final org.fuwu.contact.internal.Outbox outboxService;
    private final org.fuwu.platform.PersonalData personalData;
    private final org.fuwu.platform.AuditLog audit;
    private final org.fuwu.contact.internal.Verification verification;
    private final org.fuwu.contact.internal.Customer360 customer360;
    private final org.fuwu.contact.internal.ReportService reports;
    private final org.fuwu.staff.AgentDirectory directory;
    private final org.fuwu.contact.internal.BranchHandover branchHandover;
    private final org.fuwu.cases.CaseIntake caseIntake;

    ContactApiController(ChatService chat, AgentWork work, ConversationDetails details, ContactConfigStore config,
                         QueueAdmin queues, WallService wall, ContactProperties properties, Clock clock,
                         org.fuwu.contact.internal.ChannelStore channels, org.fuwu.contact.internal.Outbox outboxService,
                         org.fuwu.platform.PersonalData personalData, org.fuwu.platform.AuditLog audit,
                         org.fuwu.contact.internal.Verification verification,
                         org.fuwu.contact.internal.Customer360 customer360,
                         org.fuwu.contact.internal.ReportService reports, org.fuwu.staff.AgentDirectory directory,
                         org.fuwu.contact.internal.BranchHandover branchHandover, org.fuwu.cases.CaseIntake caseIntake) {
        this.branchHandover = branchHandover;
        this.caseIntake = caseIntake;
        this.reports = reports;
        this.directory = directory;
        this.verification = verification;
        this.customer360 = customer360;
        this.channels = channels;
        this.outboxService = outboxService;
        this.personalData = personalData;
        this.audit = audit;
        this.chat = chat;
        this.work = work;
        this.details = details;
        this.config = config;
        this.queues = queues;
        this.wall = wall;
        this.startLimit = new ClientRateLimit(properties.anonymousStartsPerWindow(), properties.anonymousStartWindow(), clock);
    }

    // ---- the customer's chat

    @PostMapping("/chat/conversations")
    ResponseEntity<Started> start(@RequestBody StartChat in,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        if (CurrentStaff.find().isEmpty() && !startLimit.tryAcquire(RequestOrigin.current())) {
            throw new TooManyChatsException();
        }
        ContactChannel channel = channel(in.channel());
        ChatService.Started s = chat.start(in.language(), in.name(), in.topic(), channel, idempotencyKey(key), in.appUserId());
        return ResponseEntity.created(URI.create("/api/v1/chat/conversations/" + s.token())).body(new Started(s.id(), s.token()));
    }

    static ContactChannel channel(String raw) {
        if (raw == null || raw.isBlank()) {
            return ContactChannel.WEB_CHAT;
        }
        return switch (raw.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "WEB_CHAT" -> ContactChannel.WEB_CHAT;
            case "APP_CHAT" -> ContactChannel.APP_CHAT;
            default -> throw FieldValidationException.of("channel", "contact.validation.chatChannel");
        };
    }

    static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 100) {
            throw FieldValidationException.of("Idempotency-Key", "contact.validation.idempotencyKey");
        }
        return key.strip();
    }

    @GetMapping("/chat/conversations/{token}")
    CustomerView chat(@PathVariable String token) {
        return chat.view(token);
    }

    @PostMapping("/chat/conversations/{token}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Line write(@PathVariable String token, @RequestBody Text in) {
        return chat.write(token, in.text());
    }

    record VerifyInput(String mobile) {
    }

    record CodeInput(String code) {
    }

    record CodeSent(Instant expiresAt) {
    }

    @PostMapping("/chat/conversations/{token}/verification")
    ResponseEntity<CodeSent> verify(@PathVariable String token, @RequestBody VerifyInput in) {
        return ResponseEntity.accepted().body(new CodeSent(verification.start(token, in.mobile())));
    }

    @PostMapping("/chat/conversations/{token}/verification/confirm")
    org.fuwu.contact.internal.Verification.Result confirm(@PathVariable String token, @RequestBody CodeInput in) {
        return verification.confirm(token, in.code());
    }

    @GetMapping("/conversations/{id}/customer")
    org.fuwu.contact.internal.Customer360.View customer(@PathVariable long id) {
        return customer360.of(CurrentStaff.get(), id);
    }

    @PostMapping("/chat/conversations/{token}/leave")
    CustomerView leave(@PathVariable String token) {
        return chat.leave(token);
    }

    // ---- the agent

    @GetMapping("/agents/me")
    AgentView me() {
        return view(work.state(CurrentStaff.get()));
    }

    @PutMapping("/agents/me/presence")
    AgentView presence(@RequestBody PresenceInput in) {
        return view(work.setPresence(CurrentStaff.get(), in.state()));
    }

    private AgentView view(AgentState s) {
        return new AgentView(s.accountId(), s.displayName(), s.presence().name(), s.effective().name(), s.presenceSince(),
                s.acwUntil(), s.queues(), s.skills(), s.open().stream().map(details::summary).toList());
    }

    @GetMapping("/conversations/{id}")
    Detail conversation(@PathVariable long id) {
        return details.detail(CurrentStaff.get(), id);
    }

    @PostMapping("/conversations/{id}/accept")
    Detail accept(@PathVariable long id) {
        work.accept(CurrentStaff.get(), id);
        return details.detail(CurrentStaff.get(), id);
    }

    @PostMapping("/conversations/{id}/decline")
    ResponseEntity<Void> decline(@PathVariable long id) {
        work.decline(CurrentStaff.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Line reply(@PathVariable long id, @RequestBody Text in) {
        return work.reply(CurrentStaff.get(), id, in.text());
    }

    @PostMapping("/conversations/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Line note(@PathVariable long id, @RequestBody Text in) {
        return work.note(CurrentStaff.get(), id, in.text());
    }

    @PostMapping("/conversations/{id}/end")
    Detail end(@PathVariable long id, @RequestBody EndInput in) {
        work.end(CurrentStaff.get(), id, in.wrapUpCode());
        return details.detail(CurrentStaff.get(), id);
    }

    @PostMapping("/conversations/{id}/transfer")
    Detail transfer(@PathVariable long id, @RequestBody TransferInput in) {
        work.transfer(CurrentStaff.get(), id, in.queue(), agentOf(in));
        return details.detail(CurrentStaff.get(), id);
    }

    @GetMapping("/contact/wrap-up-codes")
    List<WrapUpCode> wrapUpCodes() {
        return config.wrapUpCodes().stream().filter(WrapUpCode::active).toList();
    }

    @GetMapping("/contact/canned-responses")
    List<CannedResponse> canned(@RequestParam(defaultValue = "zh-CN") String language) {
        return config.cannedResponses(language.startsWith("en") ? "en" : "zh-CN");
    }

    // ---- the supervisor

    @PostMapping("/conversations/{id}/whisper")
    @ResponseStatus(HttpStatus.CREATED)
    Line whisper(@PathVariable long id, @RequestBody Text in) {
        return work.whisper(CurrentStaff.get(), id, in.text());
    }

    @PostMapping("/conversations/{id}/reassign")
    Detail reassign(@PathVariable long id, @RequestBody TransferInput in) {
        work.reassign(CurrentStaff.get(), id, in.queue(), agentOf(in));
        return details.detail(CurrentStaff.get(), id);
    }

    @GetMapping("/contact/queues")
    List<ContactQueue> queues() {
        return config.queues();
    }

    @PostMapping("/contact/queues")
    ResponseEntity<ContactQueue> createQueue(@RequestBody QueueInput in) {
        ContactQueue q = queues.create(queue(in, in.code()));
        return ResponseEntity.created(URI.create("/api/v1/contact/queues/" + q.code())).body(q);
    }

    @PutMapping("/contact/queues/{code}")
    ContactQueue updateQueue(@PathVariable String code, @RequestBody QueueInput in) {
        return queues.update(queue(in, code));
    }

    private static QueueAdmin.QueueInput queue(QueueInput in, String code) {
        List<SkillRequirement> skills = new ArrayList<>();
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (in.skills() != null) {
            for (SkillInput s : in.skills()) {
                if (s == null || s.skill() == null || s.skill().isBlank() || s.level() == null || s.level() < 1 || s.level() > 5) {
                    errors.add(new FieldValidationException.FieldError("skills", "contact.validation.skill"));
                    break;
                }
                skills.add(new SkillRequirement(s.skill().strip(), s.level(), Boolean.TRUE.equals(s.optional())));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new QueueAdmin.QueueInput(code, in.nameZh(), in.nameEn(), in.priority() == null ? 0 : in.priority(), skills,
                in.overflowQueues() == null ? Set.of() : new LinkedHashSet<>(in.overflowQueues()),
                in.slSeconds() == null ? 20 : in.slSeconds(), in.slPercent() == null ? 80 : in.slPercent(),
                in.active() == null || in.active());
    }

    @GetMapping("/contact/agents")
    List<WallService.AgentLine> agents() {
        return wall.now().agents();
    }

    @PutMapping("/contact/agents/{accountId}")
    AgentView configureAgent(@PathVariable long accountId, @RequestBody AgentConfigInput in) {
        Map<Media, Integer> capacity = new EnumMap<>(Media.class);
        if (in.capacity() != null) {
            in.capacity().forEach((k, v) -> {
                try {
                    capacity.put(Media.valueOf(k.strip().toUpperCase(java.util.Locale.ROOT)), v);
                } catch (IllegalArgumentException e) {
                    throw FieldValidationException.of("capacity", "contact.validation.capacity");
                }
            });
        }
        Set<String> qs = in.queues() == null ? Set.of() : new LinkedHashSet<>(in.queues());
        return view(work.configure(accountId, qs, capacity));
    }

    /** A reply in the outbox as administrators see it: the address masked, the text not shown. */
    record OutboxView(long id, long conversationId, String channel, String address, String status, int attempts,
                      Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    @GetMapping("/contact/outbox")
    List<OutboxView> outbox(@RequestParam(defaultValue = "DEAD") String status) {
        String st = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("PENDING", "SENDING", "SENT", "DEAD").contains(st)) {
            throw FieldValidationException.of("status", "contact.validation.outboxStatus");
        }
        return channels.byStatus(st, 200).stream().map(r -> new OutboxView(r.id(), r.conversationId(), r.channel().name(),
                mask(r.channel(), personalData.decrypt(r.addressEnc())), r.status(), r.attempts(), r.nextAttemptAt(),
                r.lastError(), r.createdAt(), r.sentAt())).toList();
    }

    static String mask(ContactChannel channel, String address) {
        return switch (channel) {
            case EMAIL -> org.fuwu.platform.Masking.email(address);
            case SMS, VOICE -> org.fuwu.platform.Masking.mobile(address);
            default -> org.fuwu.platform.Masking.opaque(address);
        };
    }

    @PostMapping("/contact/outbox/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        if (channels.outbox(id).isEmpty()) {
            throw new org.fuwu.platform.NotFoundException("outboxMessage", id);
        }
        if (!outboxService.retry(id)) {
            throw new org.fuwu.platform.ConflictException("contact.conflict.notDead", String.valueOf(id));
        }
        audit.success("contact.outbox.retry", "contactOutbox:" + id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping(value = "/contact/reports", produces = "application/json")
    List<org.fuwu.contact.internal.ContactReport.Row> report(@RequestParam(required = false) String from,
                                                             @RequestParam(required = false) String to,
                                                             @RequestParam(required = false) String grain) {
        return reports.rows(reports.query(from, to, grain));
    }

    @GetMapping(value = "/contact/reports.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String grain) {
        var q = reports.query(from, to, grain);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"fuwu-contact-" + q.from() + "-"
                        + q.to() + "-" + q.grain().name().toLowerCase(java.util.Locale.ROOT) + ".csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8")).body(reports.csv(q));
    }

    record SkillsInput(Map<String, Integer> skills) {
    }

    record BranchInput(Long customerId, String topic, String text) {
    }

    record CaseInput(String type, String summary) {
    }

    /**
     * Converts a conversation to a case, prefilled: its customer, its channel, and (unless a summary is given)
     * what the customer wrote. The agent on it, or a supervisor.
     */
    @PostMapping("/conversations/{id}/case")
    ResponseEntity<org.fuwu.cases.CaseIntake.OpenedCase> toCase(@PathVariable long id, @RequestBody CaseInput in) {
        var me = CurrentStaff.get();
        var detail = details.detail(me, id);
        String summary = in.summary() != null && !in.summary().isBlank() ? in.summary()
                : String.join("\n", detail.lines().stream().filter(l -> "MESSAGE".equals(l.kind()) && "CUSTOMER".equals(l.authorKind()))
                .map(ChatService.Line::text).toList());
        var c = work.conversation(id);
        var opened = caseIntake.open(new org.fuwu.cases.CaseIntake.NewCase(in.type(), c.customerId(),
                summary.isBlank() ? null : summary, c.channel().name(), c.createdAt(), id));
        work.noteCase(me, id, opened.number());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(opened);
    }

    /** A teller or lobby manager hands a customer's matter to the contact centre. */
    @PostMapping("/contact/branch-conversations")
    ResponseEntity<ConversationDetails.Summary> branch(@RequestBody BranchInput in) {
        if (in.customerId() == null) {
            throw FieldValidationException.of("customerId", "queueing.validation.unknownCustomer");
        }
        var c = branchHandover.open(CurrentStaff.get(), in.customerId(), in.topic(), in.text());
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + c.id())).body(details.summary(c));
    }

    @PutMapping("/contact/agents/{accountId}/skills")
    org.fuwu.staff.AgentDirectory.AgentProfile agentSkills(@PathVariable long accountId, @RequestBody SkillsInput in) {
        var p = directory.setSkills(accountId, in.skills() == null ? Map.of() : in.skills());
        work.requestRound();
        return p;
    }

    @GetMapping("/contact/wall")
    WallService.Wall wall() {
        return wall.now();
    }
}
