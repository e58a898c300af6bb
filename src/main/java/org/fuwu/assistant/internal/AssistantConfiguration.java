package org.fuwu.assistant.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fuwu.platform.Embedder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The assistant's wiring. The embedder's models load on first use (the first training, in the background),
 * so start-up does not wait for them; its batches run on two daemon threads.
 */
@Configuration
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService assistantEmbeddingExecutor() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "assistant-embedding");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    @ConditionalOnProperty(name = "fuwu.assistant.embeddings", havingValue = "true", matchIfMissing = true)
    Embedder embedder(ExecutorService assistantEmbeddingExecutor) {
        return new BgeEmbedder(assistantEmbeddingExecutor);
    }
}
