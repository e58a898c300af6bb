package org.fuwu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UploadedFilesTest {

    @Test
    void aFileIsWhatItsFirstBytesShowNotWhatItIsCalled() {
        assertThat(UploadedFiles.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})).hasValue("image/png");
        assertThat(UploadedFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).hasValue("image/jpeg");
        assertThat(UploadedFiles.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).hasValue("image/gif");
        assertThat(UploadedFiles.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).hasValue("application/pdf");
        assertThat(UploadedFiles.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(UploadedFiles.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).as("an executable").isEmpty();
        assertThat(UploadedFiles.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).as("too short").isEmpty();
        assertThat(UploadedFiles.sniff(new byte[0])).isEmpty();
    }

    @Test
    void aNameKeepsNoPathNoControlCharactersAndAtMostAHundredCharacters() {
        assertThat(UploadedFiles.safeName("C:\\Users\\me\\receipt.pdf")).isEqualTo("receipt.pdf");
        assertThat(UploadedFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFiles.safeName("a\"b<c>d\u0007.png")).isEqualTo("abcd.png");
        assertThat(UploadedFiles.safeName(".htaccess")).isEqualTo("file.htaccess");
        assertThat(UploadedFiles.safeName(null)).isEqualTo("file");
        assertThat(UploadedFiles.safeName("x".repeat(150) + ".jpg")).hasSize(100).endsWith(".jpg");
    }
}
