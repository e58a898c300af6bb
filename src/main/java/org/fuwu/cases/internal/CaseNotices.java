package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.AgentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices to the customer (acknowledgement, decision, review decision) by SMS, e-mail or letter, from the templates
 * (data, zh-CN and en, in the customer's language). A notice is written in the officer's transaction with the
 * rendered text and the address, both encrypted (the idea of the contact centre's outbox: never lost, never sent
 * for a rolled-back change); a dispatcher sends it after the commit, outside any transaction: SMS through the
 * platform's {@link SmsGateway}, e-mail over SMTP ({@code fuwu.cases.mail.*}). A failure is retried after 5 s,
 * 10 s, 20 s … up to {@code fuwu.cases.notices.max-attempts}, then the notice is DEAD (and may be sent again); a
 * rejection is dead at once. A letter is PRINTED at once: a printable page. Each outcome goes on the timeline with
 * its proof: kind, channel, masked address, time, result. Addresses are never logged.
 */
@Service
public class CaseNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final CaseService cases;
    private final CaseStore store;
    private final WorkflowStore flow;
    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final SmsGateway sms;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ZoneId zone;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Mail mail;
    private final String autoChannel;
    private final org.fuwu.platform.BusinessCalendars calendars;
    private final String calendarCode;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** The SMTP settings of notices by e-mail; e-mail is off while {@code host} is blank. */
    record Mail(String host, int port, boolean ssl, String from, String username, String password) {

        boolean enabled() {
            return host != null && !host.isBlank() && from != null && !from.isBlank();
        }
    }

    CaseNotices(CaseService cases, CaseStore store, WorkflowStore flow, CustomerDirectory customers, AgentDirectory agents,
                SmsGateway sms, PersonalData personalData, AuditLog audit, Clock clock, PlatformTransactionManager txManager,
                org.fuwu.platform.BusinessCalendars calendars, @Value("${fuwu.cases.calendar:CN}") String calendarCode,
                @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone,
                @Value("${fuwu.cases.notices.max-attempts:6}") int maxAttempts,
                @Value("${fuwu.cases.notices.first-backoff:5s}") Duration firstBackoff,
                @Value("${fuwu.cases.notices.poll:5s}") Duration poll,
                @Value("${fuwu.cases.mail.host:}") String mailHost, @Value("${fuwu.cases.mail.port:25}") int mailPort,
                @Value("${fuwu.cases.mail.ssl:false}") boolean mailSsl, @Value("${fuwu.cases.mail.from:}") String mailFrom,
                @Value("${fuwu.cases.mail.username:}") String mailUser, @Value("${fuwu.cases.mail.password:}") String mailPassword,
                @Value("${fuwu.cases.notices.auto-channel:}") String autoChannel) {
        this.cases = cases;
        this.store = store;
        this.flow = flow;
        this.customers = customers;
        this.agents = agents;
        this.sms = sms;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.zone = zone;
        this.calendars = calendars;
        this.calendarCode = calendarCode;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.mail = new Mail(mailHost, mailPort, mailSsl, mailFrom, mailUser, mailPassword);
        this.autoChannel = autoChannel == null ? "" : autoChannel.strip().toUpperCase(java.util.Locale.ROOT);
        if (!this.autoChannel.isEmpty() && !NoticeTemplate.CHANNELS.contains(this.autoChannel)) {
            throw new IllegalStateException("fuwu.cases.notices.auto-channel must be empty or one of " + NoticeTemplate.CHANNELS);
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-cases-notices");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::safeDrain, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::auditName).orElse("system");
    }

    /**
     * Queues a notice of a case to its customer: 422 for an unknown kind or channel, or when the customer has no
     * address for the channel; 409 when the case has no customer or is not at that step yet.
     */
    public long notify(long caseId, String kind, String channel) {
        String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!NoticeTemplate.KINDS.contains(k)) {
            throw FieldValidationException.of("kind", "cases.validation.noticeKind");
        }
        String ch = channel == null ? "" : channel.strip().toUpperCase(java.util.Locale.ROOT);
        if (!NoticeTemplate.CHANNELS.contains(ch)) {
            throw FieldValidationException.of("channel", "cases.validation.noticeChannel");
        }
        CaseRecord r = cases.get(caseId);
        if (r.customerId() == null) {
            throw new ConflictException("cases.conflict.noCustomer", r.number());
        }
        WorkflowStore.Flow f = flow.flow(caseId);
        boolean due = switch (k) {
            case "ACKNOWLEDGEMENT" -> r.acknowledgedAt() != null;
            case "DECISION" -> r.decidedAt() != null && r.decisionEnc() != null;
            default -> f.reviewDecidedAt() != null;
        };
        if (!due || f.mergedInto() != null) {
            throw new ConflictException("cases.conflict.noticeNotDue", r.number(), k);
        }
        CustomerRef customer = customers.get(r.customerId());
        String language = customer.preferredLanguage() != null && customer.preferredLanguage().startsWith("en") ? "en" : "zh-CN";
        String address = null;
        String masked;
        if (ch.equals("LETTER")) {
            masked = "letter";
        } else {
            IdentityKind idKind = ch.equals("SMS") ? IdentityKind.MOBILE : IdentityKind.EMAIL;
            address = customers.contactAddress(r.customerId(), idKind, "case " + r.number() + " " + k + " notice")
                    .orElseThrow(() -> FieldValidationException.of("channel", "cases.validation.noAddress"));
            masked = ch.equals("SMS") ? Masking.mobile(address) : Masking.email(address);
        }
        NoticeTemplate template = flow.template(k, ch, language)
                .orElseThrow(() -> new ConflictException("cases.conflict.noTemplate", k, ch, language));
        NoticeTemplate.Rendered text = template.render(values(r, customer, language));
        String addressEnc = address == null ? null : personalData.encrypt(address);
        long id = tx.execute(s -> {
            Instant now = clock.instant();
            long n = flow.enqueueNotice(caseId, k, ch, language, addressEnc, masked, personalData.encrypt(text.subject()),
                    personalData.encrypt(text.body()), ch.equals("LETTER") ? "PRINTED" : "PENDING", actor(), now);
            store.event(caseId, ch.equals("LETTER") ? "NOTICE_PRINTED" : "NOTICE_QUEUED", actor(),
                    personalData.encrypt(k + " · " + ch + " · " + masked + " · #" + n), now);
            audit.success("cases.case.notice", "case:" + caseId, Map.of("notice", String.valueOf(n), "kind", k, "channel", ch));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wake();
                    }
                });
            }
            return n;
        });
        return id;
    }

    /**
     * With {@code fuwu.cases.notices.auto-channel} set, the acknowledgement and the decision are told to the customer
     * at once, in the step's transaction (so both commit or neither): by that channel, or by letter when the customer
     * has no address for it. A case without a customer (anonymous) gets none.
     */
    @org.springframework.context.event.EventListener
    void onStep(CaseStepped e) {
        if (autoChannel.isEmpty() || cases.get(e.caseId()).customerId() == null) {
            return;
        }
        String kind = e.step().equals("ACKNOWLEDGED") ? "ACKNOWLEDGEMENT" : "DECISION";
        try {
            notify(e.caseId(), kind, autoChannel);
        } catch (FieldValidationException noAddress) { // checked before any write: the step's transaction is untouched
            notify(e.caseId(), kind, "LETTER");
        }
    }

    /** The variables of a case's notices. */
    Map<String, String> values(CaseRecord r, CustomerRef customer, String language) {
        Map<String, String> v = new HashMap<>();
        v.put("number", r.number());
        v.put("customer", customer.name());
        v.put("receivedDate", DAY.format(r.receivedAt().atZone(zone)));
        CaseService.View view = cases.view(r.id());
        view.clocks().stream().filter(c -> !c.name().equals("first-response") && c.dueAt() != null).findFirst()
                .ifPresent(c -> v.put("dueDate", DAY.format(c.dueAt().atZone(zone))));
        String officer = r.officerId() == null ? null : agents.find(r.officerId()).map(AgentDirectory.AgentProfile::displayName)
                .orElse(null);
        v.put("officer", officer != null ? officer : (language.equals("en") ? "our complaints team" : "投诉处理团队"));
        if (r.decisionEnc() != null) {
            v.put("decision", personalData.decrypt(r.decisionEnc()));
        }
        if (r.decidedAt() != null) {
            ReviewPolicy.of(r.ruleSet()).ifPresent(p -> v.put("reviewUntil", DAY.format(p.requestDeadline(r.decidedAt(), zone,
                    calendars.get(calendarCode)).minusSeconds(1).atZone(zone))));
        }
        return v;
    }

    /** A notice of a case, for the printable letter (404 when it is not that case's). */
    public CaseWorkflow.NoticeView notice(long caseId, long noticeId) {
        WorkflowStore.Notice n = flow.notice(noticeId).filter(x -> x.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("notice", noticeId));
        return new CaseWorkflow.NoticeView(n.id(), n.kind(), n.channel(), n.language(), n.maskedAddress(),
                personalData.decrypt(n.subjectEnc()), personalData.decrypt(n.bodyEnc()), n.status(), n.attempts(), n.result(),
                n.sentAt(), n.createdBy(), n.createdAt());
    }

    /** Sends a DEAD notice again (409 unless dead). */
    public void resend(long caseId, long noticeId) {
        CaseWorkflow.NoticeView n = notice(caseId, noticeId);
        tx.executeWithoutResult(s -> {
            if (!flow.resend(noticeId, clock.instant())) {
                throw new ConflictException("cases.conflict.noticeNotDead", String.valueOf(noticeId), n.status());
            }
            store.event(caseId, "NOTICE_QUEUED", actor(), personalData.encrypt(n.kind() + " · " + n.channel() + " · "
                    + n.maskedAddress() + " · #" + noticeId + " again"), clock.instant());
            audit.success("cases.case.notice.resend", "case:" + caseId, Map.of("notice", String.valueOf(noticeId)));
        });
        wake();
    }

    // ---- templates

    public List<NoticeTemplate> templates() {
        return flow.templates();
    }

    /** An administrator changes a template (422 naming the field for an unknown kind, channel, language or variable). */
    public NoticeTemplate putTemplate(String kind, String channel, String language, String subject, String body) {
        if (!NoticeTemplate.KINDS.contains(kind)) {
            throw FieldValidationException.of("kind", "cases.validation.noticeKind");
        }
        if (!NoticeTemplate.CHANNELS.contains(channel)) {
            throw FieldValidationException.of("channel", "cases.validation.noticeChannel");
        }
        if (!NoticeTemplate.LANGUAGES.contains(language)) {
            throw FieldValidationException.of("language", "cases.validation.noticeLanguage");
        }
        if (subject == null || subject.isBlank() || subject.length() > 200 || !NoticeTemplate.unknownVariables(subject).isEmpty()) {
            throw FieldValidationException.of("subject", "cases.validation.templateText", NoticeTemplate.VARIABLES.size());
        }
        if (body == null || body.isBlank() || body.length() > 4000 || !NoticeTemplate.unknownVariables(body).isEmpty()) {
            throw FieldValidationException.of("body", "cases.validation.templateText", NoticeTemplate.VARIABLES.size());
        }
        NoticeTemplate t = new NoticeTemplate(kind, channel, language, subject.strip(), body.strip());
        tx.executeWithoutResult(s -> {
            flow.putTemplate(t, actor(), clock.instant());
            audit.success("cases.template.put", "caseTemplate:" + kind + ":" + channel + ":" + language);
        });
        return t;
    }

    // ---- the dispatcher

    void wake() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                safeDrain();
            });
        }
    }

    private void safeDrain() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("cases notices: drain failed; the next poll retries: {}", e.toString());
        }
    }

    /** Sends the notices due now; how many were attempted. */
    public synchronized int drain() {
        int n = 0;
        for (long id : flow.dueNotices(clock.instant(), 50)) {
            Instant now = clock.instant();
            if (Boolean.TRUE.equals(tx.execute(s -> flow.claim(id, now, now.plus(CLAIM))))) {
                attempt(flow.notice(id).orElseThrow());
                n++;
            }
        }
        return n;
    }

    /** What became of one attempt. */
    record Outcome(SmsResult.Outcome outcome, String result) {
    }

    private void attempt(WorkflowStore.Notice n) {
        Outcome o;
        try {
            o = n.channel().equals("SMS") ? sms(n) : email(n);
        } catch (RuntimeException e) {
            o = new Outcome(SmsResult.Outcome.FAILED, e.getClass().getSimpleName());
        }
        Outcome outcome = o;
        Instant now = clock.instant();
        String proof = n.kind() + " · " + n.channel() + " · " + n.maskedAddress() + " · #" + n.id() + " · ";
        tx.executeWithoutResult(s -> {
            if (outcome.outcome() == SmsResult.Outcome.ACCEPTED) {
                flow.noticeDone(n.id(), "SENT", outcome.result(), now, now);
                store.event(n.caseId(), "NOTICE_SENT", "system", personalData.encrypt(proof + outcome.result()), now);
            } else if (outcome.outcome() == SmsResult.Outcome.REJECTED || n.attempts() >= maxAttempts) {
                flow.noticeDone(n.id(), "DEAD", outcome.result(), null, now);
                store.event(n.caseId(), "NOTICE_FAILED", "system", personalData.encrypt(proof + outcome.result()), now);
            } else {
                Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, Math.max(0, n.attempts() - 1)));
                flow.noticeDone(n.id(), "PENDING", outcome.result(), null, now.plus(wait));
            }
        });
        if (outcome.outcome() != SmsResult.Outcome.ACCEPTED) {
            log.info("cases notice {} of case {} by {}: {} ({})", n.id(), n.caseId(), n.channel(), outcome.outcome(), outcome.result());
        }
    }

    private Outcome sms(WorkflowStore.Notice n) {
        SmsResult r = sms.send(new SmsMessage(personalData.decrypt(n.addressEnc()), personalData.decrypt(n.bodyEnc()),
                "case-notice-" + n.id()));
        return new Outcome(r.outcome(), r.accepted() ? "accepted " + (r.messageId() == null ? "" : r.messageId()).strip()
                : String.valueOf(r.reason()));
    }

    private Outcome email(WorkflowStore.Notice n) {
        if (!mail.enabled()) {
            return new Outcome(SmsResult.Outcome.FAILED, "e-mail not configured");
        }
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(mail.host());
            sender.setPort(mail.port());
            sender.setProtocol(mail.ssl() ? "smtps" : "smtp");
            if (mail.password() != null && !mail.password().isBlank()) {
                sender.setUsername(mail.username() == null || mail.username().isBlank() ? mail.from() : mail.username());
                sender.setPassword(mail.password());
                sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".auth", "true");
            }
            sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".timeout", "10000");
            String domain = mail.from().substring(mail.from().indexOf('@') + 1);
            String messageId = "<case-notice-" + n.id() + "@" + domain + ">";
            MimeMessage m = new MimeMessage(sender.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress(mail.from()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(personalData.decrypt(n.addressEnc())));
            m.setSubject(personalData.decrypt(n.subjectEnc()), "UTF-8");
            m.setText(personalData.decrypt(n.bodyEnc()), "UTF-8");
            sender.send(m);
            return new Outcome(SmsResult.Outcome.ACCEPTED, "accepted " + messageId);
        } catch (jakarta.mail.internet.AddressException e) {
            return new Outcome(SmsResult.Outcome.REJECTED, "bad address");
        } catch (MessagingException | org.springframework.mail.MailException e) {
            return new Outcome(SmsResult.Outcome.FAILED, e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
