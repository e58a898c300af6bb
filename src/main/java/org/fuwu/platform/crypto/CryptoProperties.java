package org.fuwu.platform.crypto;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the personal-data keys come from, in this order: a PKCS12 keystore, base64 keys in the
 * configuration, or (embedded demo only) a key file generated in the data directory.
 *
 * @param dataKeys base64 AES-256 keys by version, e.g. {@code fuwu.crypto.data-keys.v1=...}
 * @param currentVersion the version that encrypts new values
 * @param indexKey base64 HMAC key of the blind index
 * @param keystore a PKCS12 keystore holding secret-key entries {@code data-<version>} and {@code index}
 * @param keystorePassword its password
 * @param generateDemoKey whether a missing key may be generated into the data directory (the embedded default only)
 */
@ConfigurationProperties("fuwu.crypto")
record CryptoProperties(Map<String, String> dataKeys, String currentVersion, String indexKey, String keystore,
                        String keystorePassword, boolean generateDemoKey) {

    CryptoProperties {
        dataKeys = dataKeys == null ? Map.of() : Map.copyOf(dataKeys);
        currentVersion = currentVersion == null || currentVersion.isBlank() ? "v1" : currentVersion;
    }
}
