package org.fuwu.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmPersonalDataTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndNeverRepeatsACipherText() {
        var pd = new AesGcmPersonalData(CryptoConfiguration.demoKey(dir.resolve("k")));
        String a = pd.encrypt("13812345678");
        String b = pd.encrypt("13812345678");
        assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain("13812345678");
        assertThat(pd.decrypt(a)).isEqualTo("13812345678");
    }

    @Test
    void aTamperedCipherTextIsRefused() {
        var pd = new AesGcmPersonalData(CryptoConfiguration.demoKey(dir.resolve("k")));
        String c = pd.encrypt("110101199003071234");
        byte[] raw = java.util.Base64.getDecoder().decode(c.substring(3));
        raw[raw.length - 20] ^= 0x01;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> pd.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBlindIndexIsStablePerKindAndSeparatesKinds() {
        var pd = new AesGcmPersonalData(CryptoConfiguration.demoKey(dir.resolve("k")));
        assertThat(pd.blindIndex("mobile", "13812345678")).isEqualTo(pd.blindIndex("mobile", "13812345678"));
        assertThat(pd.blindIndex("mobile", "13812345678")).isNotEqualTo(pd.blindIndex("card", "13812345678"));
    }

    @Test
    void theDemoKeyIsGeneratedOnceAndReused() throws Exception {
        Path file = dir.resolve("keys/demo.keys");
        var first = new AesGcmPersonalData(CryptoConfiguration.demoKey(file));
        String c = first.encrypt("x");
        var second = new AesGcmPersonalData(CryptoConfiguration.demoKey(file));
        assertThat(second.decrypt(c)).isEqualTo("x");
        assertThat(Files.readString(file)).contains("data.v1", "index");
    }

    @Test
    void configuredKeysOfOlderVersionsStillDecrypt() {
        String k1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String k2 = "HxwdGhsYGRYXFBUSExAREg8ODQwLCgkIBwYFBAMCAQA=";
        var v1 = new AesGcmPersonalData(CryptoConfiguration.load(
                new CryptoProperties(Map.of("v1", k1), "v1", k2, null, null, false), dir));
        String old = v1.encrypt("old value");
        var rotated = new AesGcmPersonalData(CryptoConfiguration.load(
                new CryptoProperties(Map.of("v1", k1, "v2", k2), "v2", k2, null, null, false), dir));
        assertThat(rotated.decrypt(old)).isEqualTo("old value");
        assertThat(rotated.encrypt("new")).startsWith("v2:");
    }

    @Test
    void withoutAnyKeyOutsideTheDemoItRefusesToStart() {
        assertThatThrownBy(() -> CryptoConfiguration.load(new CryptoProperties(Map.of(), null, null, null, null, false), dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fuwu.crypto.keystore");
    }
}
