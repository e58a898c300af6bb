package org.fuwu.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.fuwu.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);
    static final String DEMO_KEY_FILE = "keys/demo-personal-data.keys";

    @Bean
    PersonalData personalData(CryptoProperties props, @Value("${fuwu.data-dir}") String dataDir) {
        return new AesGcmPersonalData(load(props, Path.of(dataDir)));
    }

    static KeyMaterial load(CryptoProperties props, Path dataDir) {
        if (props.keystore() != null && !props.keystore().isBlank()) {
            return fromKeystore(props);
        }
        if (!props.dataKeys().isEmpty() || props.indexKey() != null) {
            Map<String, SecretKey> data = new HashMap<>();
            props.dataKeys().forEach((v, b64) -> data.put(v, aes(decode(b64, "fuwu.crypto.data-keys." + v))));
            if (props.indexKey() == null) {
                throw new IllegalStateException("fuwu.crypto.index-key is missing: the blind index needs its own key");
            }
            return new KeyMaterial(props.currentVersion(), data, hmac(decode(props.indexKey(), "fuwu.crypto.index-key")));
        }
        if (props.generateDemoKey()) {
            return demoKey(dataDir.resolve(DEMO_KEY_FILE));
        }
        throw new IllegalStateException("""
                No key protects personal data. Configure fuwu.crypto.keystore (PKCS12) or \
                fuwu.crypto.data-keys.v1 and fuwu.crypto.index-key (base64, 32 bytes each); see the README.""");
    }

    private static KeyMaterial fromKeystore(CryptoProperties props) {
        char[] password = props.keystorePassword() == null ? new char[0] : props.keystorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(props.keystore()))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Map<String, SecretKey> data = new HashMap<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.startsWith("data-")) {
                    data.put(alias.substring(5), aes(ks.getKey(alias, password).getEncoded()));
                }
            }
            var index = ks.getKey("index", password);
            if (index == null) {
                throw new IllegalStateException("the keystore has no 'index' entry for the blind index");
            }
            return new KeyMaterial(props.currentVersion(), data, hmac(index.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keystore " + props.keystore() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the demo key file, or writes a new one (owner-only) when there is none. */
    static KeyMaterial demoKey(Path file) {
        try {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } else {
                SecureRandom rnd = new SecureRandom();
                byte[] d = new byte[32];
                byte[] i = new byte[32];
                rnd.nextBytes(d);
                rnd.nextBytes(i);
                p.setProperty("data.v1", Base64.getEncoder().encodeToString(d));
                p.setProperty("index", Base64.getEncoder().encodeToString(i));
                Files.createDirectories(file.getParent());
                try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                    p.store(w, "Fuwu demo personal-data keys. For the embedded demo only; never use in production.");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                log.warn("Generated a demo personal-data key at {}. Production needs fuwu.crypto.keystore.", file);
            }
            return new KeyMaterial("v1", Map.of("v1", aes(decode(p.getProperty("data.v1"), file + " data.v1"))),
                    hmac(decode(p.getProperty("index"), file + " index")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the demo key file " + file, e);
        }
    }

    private static byte[] decode(String b64, String what) {
        try {
            byte[] key = Base64.getDecoder().decode(b64.trim());
            if (key.length != 32) {
                throw new IllegalStateException(what + " must be 32 bytes, base64; it has " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64", e);
        }
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static SecretKey hmac(byte[] key) {
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
