package org.fuwu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every page works in zh-CN and en: each bundle has its Chinese twin with the same keys, and every key a template names exists. */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

    @Test
    void everyBundleHasAChineseTwinWithTheSameKeysAndNoEmptyText() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            english = files.filter(p -> !p.getFileName().toString().contains("_")).toList();
        }
        assertThat(english).isNotEmpty();
        for (Path en : english) {
            Path zh = en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertThat(zh).as("Chinese bundle of " + en.getFileName()).exists();
            Properties e = load(en);
            Properties z = load(zh);
            assertThat(new TreeSet<>(z.stringPropertyNames())).as(zh.getFileName() + " keys").isEqualTo(new TreeSet<>(e.stringPropertyNames()));
            for (Properties p : List.of(e, z)) {
                p.forEach((k, v) -> assertThat(v.toString()).as("text of " + k).isNotBlank());
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                keys.addAll(load(p).stringPropertyNames());
            }
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path t : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(t));
                while (m.find()) {
                    named++;
                    if (!keys.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("keys found in the templates").isGreaterThan(200);
        assertThat(missing).as("message keys named in templates but in no bundle").isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
