package org.fuwu.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash-chain policy: each record's hash is SHA-256 over the previous record's hash and every
 * field of its own, each field length-prefixed so that no two records share a pre-image.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Times are kept to the microsecond, the precision both databases store. */
    static Instant normalise(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String prevHash, AuditRow r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {prevHash, Long.toString(r.seq()), normalise(r.occurredAt()).toString(),
                    r.actor(), r.origin(), r.action(), r.target(), r.outcome(), r.details()}) {
                byte[] b = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(field == null ? -1 : b.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
