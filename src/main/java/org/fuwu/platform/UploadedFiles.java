package org.fuwu.platform;

import java.util.Optional;

/**
 * What the platform accepts as an uploaded file from a customer or staff member (chat and case attachments):
 * a file is what its first bytes show (PNG, JPEG, GIF or PDF), never what its name or declared type says, and
 * its name is kept only as a safe label (no path, no control or shell characters, at most 100 characters).
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    /** The media type a file's first bytes show, or empty for anything else. */
    public static Optional<String> sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("image/gif");
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** A safe file name: no path, no control characters, not hidden, at most 100 characters (the end kept). */
    public static String safeName(String raw) {
        String n = raw == null ? "" : raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:*?|]", "").strip();
        if (n.isEmpty() || n.startsWith(".")) {
            n = "file" + n;
        }
        return n.length() > 100 ? n.substring(n.length() - 100) : n;
    }
}
