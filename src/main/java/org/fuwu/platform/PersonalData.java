package org.fuwu.platform;

/**
 * Protects personal data at rest: AES-GCM encryption with a versioned key, and an HMAC blind index
 * for exact-match lookups. Values go in normalised (see {@link Identifiers}).
 */
public interface PersonalData {

    /** Encrypts a value; null stays null. The result names its key version, for rotation. */
    String encrypt(String plain);

    /** Decrypts what {@link #encrypt} produced; null stays null. */
    String decrypt(String cipherText);

    /**
     * The blind index of a value of a kind (such as {@code mobile}), so that equal values of one
     * kind give equal indexes and the same value of two kinds does not.
     */
    String blindIndex(String kind, String normalisedValue);
}
