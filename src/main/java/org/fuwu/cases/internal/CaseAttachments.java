package org.fuwu.cases.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * Files of a case (the customer's from the web form, staff's from the case page or the API): PNG, JPEG, GIF and PDF
 * only, recognised by their first bytes (a declared type must agree), at most {@link #MAX_BYTES} each and
 * {@link #MAX_FILES} a case; stored encrypted with their name; handed out only as downloads (the same rules as the
 * contact centre's chat attachments).
 */
@Service
public class CaseAttachments {

    public static final int MAX_BYTES = 3 * 1024 * 1024;
    public static final int MAX_FILES = 10;

    /** A file as listed (no content). */
    public record Meta(long id, String name, String mediaType, int size, String uploadedBy, java.time.Instant at) {
    }

    /** A file to download. */
    public record File(String name, String mediaType, byte[] content) {
    }

    private final InsightStore store;
    private final CaseStore cases;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;

    CaseAttachments(InsightStore store, CaseStore cases, PersonalData personalData, AuditLog audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a file before it is stored: 422 on {@code file} when empty, too large or not an image or PDF. */
    static String check(String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw FieldValidationException.of("file", "cases.validation.fileEmpty");
        }
        if (content.length > MAX_BYTES) {
            throw FieldValidationException.of("file", "cases.validation.fileTooLarge");
        }
        String type = org.fuwu.platform.UploadedFiles.sniff(content).orElseThrow(() -> FieldValidationException.of("file", "cases.validation.fileType"));
        if (declaredType != null && !declaredType.isBlank() && !declaredType.equals("application/octet-stream")
                && !declaredType.strip().toLowerCase(Locale.ROOT).startsWith(type)) {
            throw FieldValidationException.of("file", "cases.validation.fileType");
        }
        return type;
    }

    /** Stores a file on a case not yet anonymised (run inside the caller's transaction when there is one); audited. */
    public long add(long caseId, String fileName, String declaredType, byte[] content) {
        String type = check(declaredType, content);
        CaseRecord r = cases.find(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        if (store.attachmentCount(caseId) >= MAX_FILES) {
            throw new ConflictException("cases.conflict.tooManyFiles", r.number(), MAX_FILES);
        }
        String by = CurrentStaff.find().map(StaffPrincipal::auditName).orElse("customer");
        String name = org.fuwu.platform.UploadedFiles.safeName(fileName);
        long id = store.addAttachment(caseId, type, content.length, sha256(content), personalData.encrypt(name),
                personalData.encrypt(Base64.getEncoder().encodeToString(content)), by, clock.instant());
        cases.event(caseId, "ATTACHMENT", by, personalData.encrypt(name), clock.instant());
        audit.success("cases.attachment.add", "case:" + caseId, Map.of("attachment", String.valueOf(id), "type", type,
                "size", String.valueOf(content.length)));
        return id;
    }

    public List<Meta> list(long caseId) {
        cases.find(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        return store.attachments(caseId).stream().map(a -> new Meta(a.id(), personalData.decrypt(a.nameEnc()), a.mediaType(),
                a.size(), a.uploadedBy(), a.at())).toList();
    }

    /** A file of a case (404 when it is not that case's); the download is audited. */
    public File get(long caseId, long id) {
        String[] row = store.attachment(caseId, id).orElseThrow(() -> new NotFoundException("attachment", id));
        audit.success("cases.attachment.download", "case:" + caseId, Map.of("attachment", String.valueOf(id)));
        return new File(personalData.decrypt(row[1]), row[0], Base64.getDecoder().decode(personalData.decrypt(row[2])));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
