package org.fuwu.platform.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no database is configured, Fuwu runs on an H2 file database in the
 * data directory, generates a demo personal-data key there, and loads the demo bank (profile
 * {@code demo}). A configured {@code spring.datasource.url} turns all of that off.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "fuwuEmbeddedDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String dataDir = env.getProperty("fuwu.data-dir", "./data");
        defaults.put("fuwu.data-dir", dataDir);
        if (!env.containsProperty("spring.datasource.url")) {
            String file = Path.of(dataDir).toAbsolutePath().normalize().resolve("db/fuwu").toString();
            defaults.put("spring.datasource.url", "jdbc:h2:file:" + file + ";" + H2_POSTGRES_MODE);
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
            defaults.put("fuwu.embedded", "true");
            defaults.put("fuwu.crypto.generate-demo-key", "true");
            if (env.getProperty("fuwu.demo.enabled", Boolean.class, true)) {
                env.addActiveProfile("demo");
            }
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /** The H2 settings under which the same SQL runs on H2 and PostgreSQL. */
    public static final String H2_POSTGRES_MODE = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) is loaded, so that a configured URL is seen
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
