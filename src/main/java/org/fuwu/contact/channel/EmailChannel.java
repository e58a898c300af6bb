package org.fuwu.contact.channel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.fuwu.contact.internal.ChannelIntake;
import org.fuwu.contact.internal.ChannelSender;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail: the service mailbox is polled over IMAP for unseen mail; each message is stored through the
 * intake (by its Message-ID, threaded by In-Reply-To and References) and only then flagged \Seen, so a
 * crash between the two reads it again and the intake recognises it. Replies go out over SMTP with
 * In-Reply-To and References, and their own Message-ID is remembered for the thread. Only the plain text
 * of a message is taken (HTML-only mail: its text with the tags stripped); attachments are not taken yet.
 */
@Component
class EmailChannel implements ChannelSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ChannelIntake intake;
    private final ChannelProperties.Email properties;
    private final ScheduledExecutorService thread;

    EmailChannel(ChannelIntake intake, ChannelProperties properties) {
        this.intake = intake;
        this.properties = properties.email();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-contact-imap");
            t.setDaemon(true);
            return t;
        });
        if (this.properties.polls()) {
            long every = this.properties.poll().toMillis();
            thread.scheduleWithFixedDelay(this::safePoll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.EMAIL;
    }

    @Override
    public boolean configured() {
        return properties.enabled();
    }

    private void safePoll() {
        try {
            poll();
        } catch (Exception e) {
            log.warn("e-mail channel: polling {} failed; the next poll retries: {}", properties.imapHost(), e.toString());
        }
    }

    /** Reads the unseen mail once: how many messages were taken. */
    int poll() throws MessagingException, IOException {
        if (!properties.polls()) {
            return 0;
        }
        Properties p = new Properties();
        String protocol = properties.ssl() ? "imaps" : "imap";
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "5000");
        p.put("mail." + protocol + ".timeout", "10000");
        Session session = Session.getInstance(p);
        int taken = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(properties.imapHost(), properties.imapPort(), properties.login(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take((MimeMessage) m)) {
                        taken++;
                    }
                    m.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
        return taken;
    }

    private boolean take(MimeMessage m) throws MessagingException, IOException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
            log.warn("e-mail channel: a message without a sender was skipped");
            return false;
        }
        String id = m.getMessageID();
        if (id == null || id.isBlank()) {
            id = "<no-id-" + sender.getAddress().hashCode() + "-" + (m.getSentDate() == null ? 0 : m.getSentDate().getTime()) + ">";
        }
        List<String> thread = new ArrayList<>();
        String[] references = m.getHeader("References");
        if (references != null) {
            for (String r : references) {
                for (String ref : r.split("\\s+")) {
                    if (!ref.isBlank()) {
                        thread.add(ref.strip());
                    }
                }
            }
        }
        String[] inReplyTo = m.getHeader("In-Reply-To");
        if (inReplyTo != null && inReplyTo.length > 0) {
            thread.add(inReplyTo[0].strip());
        }
        String text = text(m);
        if (text == null || text.isBlank()) {
            text = "(" + (m.getSubject() == null ? "—" : m.getSubject()) + ")";
        }
        try {
            intake.receive(new ChannelIntake.Inbound(ContactChannel.EMAIL, IdentityKind.EMAIL, sender.getAddress(), id,
                    text, m.getSubject(), thread));
            return true;
        } catch (FieldValidationException e) {
            log.warn("e-mail channel: a message was refused ({}); it stays in the mailbox, seen", e.errors().get(0).field());
            return false;
        }
    }

    /** The plain text of a message: its text/plain part, or its HTML with the tags stripped. */
    static String text(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/plain")) {
            return String.valueOf(p.getContent());
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            String html = null;
            for (int i = 0; i < mp.getCount(); i++) {
                Part part = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    continue;
                }
                String t = text(part);
                if (t != null && part.isMimeType("text/plain")) {
                    return t;
                }
                if (t != null && html == null) {
                    html = t;
                }
            }
            return html;
        }
        if (p.isMimeType("text/html")) {
            return String.valueOf(p.getContent()).replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("[ \\t]+", " ").strip();
        }
        return null;
    }

    @Override
    public Delivery send(Outbound o) {
        if (!properties.enabled()) {
            return Delivery.failed("e-mail channel not configured");
        }
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(properties.smtpHost());
            sender.setPort(properties.smtpPort());
            sender.setProtocol(properties.ssl() ? "smtps" : "smtp");
            if (properties.password() != null && !properties.password().isBlank()) {
                sender.setUsername(properties.login());
                sender.setPassword(properties.password());
                sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".auth", "true");
            }
            sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail." + sender.getProtocol() + ".timeout", "10000");
            String domain = properties.address().substring(properties.address().indexOf('@') + 1);
            String messageId = "<" + o.reference() + "." + o.conversationId() + "@" + domain + ">";
            MimeMessage m = new MimeMessage(sender.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress(properties.address()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(o.address()));
            m.setSubject(o.subject() == null ? "Re:" : o.subject(), "UTF-8");
            m.setText(o.text(), "UTF-8");
            if (o.inReplyTo() != null) {
                m.setHeader("In-Reply-To", o.inReplyTo());
            }
            if (!o.references().isEmpty()) {
                m.setHeader("References", String.join(" ", o.references()));
            }
            sender.send(m);
            return Delivery.accepted(messageId);
        } catch (jakarta.mail.internet.AddressException e) {
            return Delivery.rejected("bad address");
        } catch (MessagingException | org.springframework.mail.MailException e) {
            return Delivery.failed(e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
