package org.fuwu.platform.crypto;

import java.util.Map;
import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * The keys that protect personal data: the data keys by version (the newest encrypts, all decrypt),
 * and one key for the blind index. The blind-index key cannot rotate without re-indexing.
 */
record KeyMaterial(String currentVersion, Map<String, SecretKey> dataKeys, SecretKey indexKey) {

    KeyMaterial {
        Objects.requireNonNull(indexKey, "indexKey");
        dataKeys = Map.copyOf(dataKeys);
        if (!dataKeys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no data key of the current version " + currentVersion);
        }
    }
}
