package org.fuwu.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.platform.FieldValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * {@link KnowledgeSearch} for the other modules: detects the language of the text, asks every
 * {@link CandidateRetriever} (BM25 today), fuses their lists ({@link RankFusion}) and answers the best.
 */
@Service
public class Retrieval implements KnowledgeSearch {

    private final List<CandidateRetriever> retrievers;
    private final KnowledgeStore store;
    private final KnowledgeService knowledge;
    private final Clock clock;
    private final ZoneId zone;

    Retrieval(List<CandidateRetriever> retrievers, KnowledgeStore store, KnowledgeService knowledge, Clock clock,
              @Value("${fuwu.knowledge.zone:Asia/Shanghai}") ZoneId zone) {
        this.knowledge = knowledge;
        this.retrievers = List.copyOf(retrievers);
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<Suggestion> suggest(String text, String language, String channel, int limit) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw FieldValidationException.of("text", "knowledge.validation.text");
        }
        if (limit < 1 || limit > 50) {
            throw FieldValidationException.of("limit", "knowledge.validation.limit");
        }
        String ch = channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(java.util.Locale.ROOT);
        if (ch != null && !CHANNELS.contains(ch)) {
            throw FieldValidationException.of("channel", "knowledge.validation.channel", String.join(", ", CHANNELS));
        }
        if (language != null && !language.isBlank() && LanguageDetection.normalise(language) == null) {
            throw FieldValidationException.of("language", "knowledge.validation.language");
        }
        String lang = LanguageDetection.detect(text, language);
        var request = new CandidateRetriever.Request(text.strip(), lang, ch, today(), limit);
        return RankFusion.fuse(retrievers.stream().map(r -> r.retrieve(request)).toList(), limit).stream()
                .map(c -> new Suggestion(c.entryId(), c.language(), c.question(), c.snippet(), c.score())).toList();
    }

    @Override
    public void recordUse(long entryId) {
        if (!store.count(entryId, "use_count")) {
            throw new org.fuwu.platform.NotFoundException("knowledge-entry", entryId);
        }
    }

    @Override
    public String useAnswer(long entryId, String channel) {
        String text = AnswerSanitizer.plainText(knowledge.answer(entryId, channel).answerHtml());
        recordUse(entryId);
        return text;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
