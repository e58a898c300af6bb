package org.fuwu.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenCodecTest {

    @Test
    void tokensArePrefixedBase64UrlOfThirtyTwoRandomBytes() {
        String token = TokenCodec.generate();
        assertThat(token).startsWith("fuwu_").hasSize(5 + 43);
        byte[] bytes = Base64.getUrlDecoder().decode(token.substring(5));
        assertThat(bytes).hasSize(32);
        assertThat(TokenCodec.wellFormed(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenCodec.generate())).isTrue();
        }
    }

    @Test
    void theHashIsTheLowerCaseHexSha256OfTheWholeToken() {
        // SHA-256("abc"), a published test vector
        assertThat(TokenCodec.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = TokenCodec.generate();
        assertThat(TokenCodec.hash(token)).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(TokenCodec.hash(token));
        assertThat(TokenCodec.hash(token)).doesNotContain(token.substring(5));
    }

    @Test
    void malformedValuesAreRecognisedBeforeAnyLookUp() {
        assertThat(TokenCodec.wellFormed(null)).isFalse();
        assertThat(TokenCodec.wellFormed("")).isFalse();
        assertThat(TokenCodec.wellFormed("fuwu_short")).isFalse();
        assertThat(TokenCodec.wellFormed("xxxx_" + TokenCodec.generate().substring(5))).isFalse();
        assertThat(TokenCodec.wellFormed(TokenCodec.generate() + "A")).isFalse();
        assertThat(TokenCodec.wellFormed("fuwu_" + "+".repeat(43))).isFalse();
    }
}
