package org.fuwu.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.fuwu.platform.PersonalData;

/**
 * AES-256-GCM with a random 96-bit nonce per value, written as {@code <version>:<base64(nonce||ciphertext||tag)>};
 * HMAC-SHA256 for the blind index, over {@code kind + 0x00 + value}.
 */
final class AesGcmPersonalData implements PersonalData {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyMaterial keys;
    private final SecureRandom random = new SecureRandom();

    AesGcmPersonalData(KeyMaterial keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.dataKeys().get(keys.currentVersion()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keys.currentVersion().getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
            return keys.currentVersion() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String decrypt(String cipherText) {
        if (cipherText == null) {
            return null;
        }
        int colon = cipherText.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a Fuwu cipher text");
        }
        String version = cipherText.substring(0, colon);
        SecretKey key = keys.dataKeys().get(version);
        if (key == null) {
            throw new IllegalStateException("no data key of version " + version + " is configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(cipherText.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(version.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
        }
    }

    @Override
    public String blindIndex(String kind, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey());
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
