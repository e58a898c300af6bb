package org.fuwu.contact.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.Attachments;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.Conversation;
import org.fuwu.contact.internal.ConversationDetails;
import org.fuwu.contact.internal.ConversationStatus;
import org.fuwu.contact.internal.Outbox;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files in a chat (the customer's by token, the agent's by conversation) and the transcript by e-mail. A
 * file is only ever handed out as a download, with {@code nosniff} and a sandboxing CSP, so a browser never
 * renders or runs it in Fuwu's origin.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact centre")
class AttachmentController {

    record TranscriptInput(String email) {
    }

    private final ChatService chat;
    private final Attachments attachments;
    private final ConversationDetails details;
    private final AgentWork work;
    private final Outbox outbox;

    AttachmentController(ChatService chat, Attachments attachments, ConversationDetails details, AgentWork work, Outbox outbox) {
        this.chat = chat;
        this.attachments = attachments;
        this.details = details;
        this.work = work;
        this.outbox = outbox;
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null) {
            throw FieldValidationException.of("file", "contact.validation.fileEmpty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw FieldValidationException.of("file", "contact.validation.fileEmpty");
        }
    }

    @PostMapping(path = "/chat/conversations/{token}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ChatService.Line> customerUpload(@PathVariable String token, @RequestParam("file") MultipartFile file) {
        Conversation c = chat.byToken(token);
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.add(c, "CUSTOMER", null, null,
                file.getOriginalFilename(), file.getContentType(), bytes(file)));
    }

    @GetMapping("/chat/conversations/{token}/attachments/{id}")
    ResponseEntity<byte[]> customerDownload(@PathVariable String token, @PathVariable long id) {
        return download(attachments.get(chat.byToken(token).id(), id));
    }

    @PostMapping(path = "/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ChatService.Line> agentUpload(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        StaffPrincipal me = CurrentStaff.get();
        details.detail(me, id);
        Conversation c = work.conversation(id);
        if (c.status() != ConversationStatus.ASSIGNED || c.agentId() == null || c.agentId() != me.accountId()) {
            throw new ConflictException("contact.conflict.notYours", String.valueOf(id));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.add(c, "AGENT", me.displayName(), me.accountId(),
                file.getOriginalFilename(), file.getContentType(), bytes(file)));
    }

    @GetMapping("/conversations/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> staffDownload(@PathVariable long id, @PathVariable long attachmentId) {
        details.detail(CurrentStaff.get(), id);
        return download(attachments.get(id, attachmentId));
    }

    private static ResponseEntity<byte[]> download(Attachments.File f) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store")
                .body(f.content());
    }

    @PostMapping("/chat/conversations/{token}/transcript")
    ResponseEntity<Void> transcript(@PathVariable String token, @RequestBody TranscriptInput in) {
        chat.transcript(token, in.email(), outbox);
        return ResponseEntity.accepted().build();
    }
}
