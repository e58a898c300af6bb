package org.fuwu.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The BM25 half of the retrieval: an in-memory Lucene index of the live version of every entry, rebuilt from the
 * database at start and updated entry by entry when one is published, rolled back or unpublished (at once on the
 * instance that made the change, and on every other instance by polling {@code live_changed_at}). Chinese fields
 * are analysed by SmartChineseAnalyzer, English ones by EnglishAnalyzer (stemming, stop words). A query is expanded
 * with the synonym dictionary; English words of four letters or more also match at one edit (two from seven
 * letters), transpositions counting as one ("crad" finds "card"), at a lower weight than exact words. Expired
 * entries are filtered at query time by their validity dates, so an entry is never returned on a day outside them,
 * and are swept out of the index by the same poll.
 */
@Component
public class KnowledgeIndex implements CandidateRetriever, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

    /** The indexed text fields and their weights: the question counts most, then the similar questions. */
    static final Map<String, Float> FIELDS = Map.of("question", 3f, "similar", 2.5f, "answer", 1f);
    static final float FUZZY_WEIGHT = 0.4f;
    static final float SYNONYM_WEIGHT = 0.8f;
    static final int SNIPPET = 120;

    private final KnowledgeStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicReference<SynonymExpansion> synonyms = new AtomicReference<>(new SynonymExpansion(List.of()));
    private volatile Instant polledAt;

    KnowledgeIndex(KnowledgeStore store, Clock clock, @Value("${fuwu.knowledge.zone:Asia/Shanghai}") ZoneId zone) throws IOException {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        Analyzer zh = new SmartChineseAnalyzer();
        Analyzer en = new EnglishAnalyzer();
        for (String f : FIELDS.keySet()) {
            perField.put(f + "_zh", zh);
            perField.put(f + "_en", en);
        }
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        this.searchers = new SearcherManager(writer, null);
    }

    @Override
    public String name() {
        return "bm25";
    }

    /** Builds the index from the database: every live version, and the synonym dictionary. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void rebuild() {
        Instant started = clock.instant();
        reloadSynonyms();
        try {
            writer.deleteAll();
            var live = store.liveVersions();
            for (KnowledgeStore.VersionRow v : live) {
                writer.addDocument(document(v));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            polledAt = started;
            log.info("knowledge index rebuilt: {} live entries", live.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the entry's live version in the index, or takes the entry out when it has none. */
    public synchronized void reindex(long entryId) {
        try {
            var live = store.live(entryId);
            Term id = new Term("id", Long.toString(entryId));
            if (live.isPresent()) {
                writer.updateDocument(id, document(live.get()));
            } else {
                writer.deleteDocuments(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Catches up with what other instances published (entries whose live version changed since the last poll, with
     * a margin for clocks and commits) and the synonym dictionary, and sweeps out the entries that expired.
     */
    @Scheduled(fixedDelayString = "${fuwu.knowledge.index-poll:30s}", initialDelayString = "${fuwu.knowledge.index-poll:30s}")
    public void poll() {
        Instant since = polledAt;
        if (since == null) {
            return;
        }
        Instant now = clock.instant();
        for (long id : store.liveChangedSince(since.minusSeconds(60))) {
            reindex(id);
        }
        polledAt = now;
        reloadSynonyms();
        sweepExpired(LocalDate.ofInstant(now, zone));
    }

    synchronized void sweepExpired(LocalDate today) {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery("until_day", Long.MIN_VALUE, today.toEpochDay() - 1));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the synonym dictionary again (after an admin changed it). */
    public void reloadSynonyms() {
        synonyms.set(new SynonymExpansion(store.synonyms().stream()
                .map(s -> new SynonymExpansion.Group(s.id(), s.language(), SynonymExpansion.parseTerms(s.terms()))).toList()));
    }

    public SynonymExpansion synonyms() {
        return synonyms.get();
    }

    /** How many entries the index holds (live, not yet swept). */
    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Candidate> retrieve(Request r) {
        String lang = r.language();
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        int clauses = 0;
        for (var f : FIELDS.entrySet()) {
            String field = f.getKey() + "_" + lang;
            for (String token : tokens(field, r.text())) {
                text.add(new BoostQuery(new TermQuery(new Term(field, token)), f.getValue()), Occur.SHOULD);
                clauses++;
                if ("en".equals(lang) && token.length() >= 4) {
                    int edits = token.length() >= 7 ? 2 : 1;
                    text.add(new BoostQuery(new FuzzyQuery(new Term(field, token), edits, 1), f.getValue() * FUZZY_WEIGHT), Occur.SHOULD);
                    clauses++;
                }
            }
            for (String synonym : synonyms.get().expand(r.text(), lang)) {
                for (String token : tokens(field, synonym)) {
                    text.add(new BoostQuery(new TermQuery(new Term(field, token)), f.getValue() * SYNONYM_WEIGHT), Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        long day = r.day().toEpochDay();
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(text.build(), Occur.MUST)
                .add(new TermQuery(new Term("lang", lang)), Occur.FILTER)
                .add(LongPoint.newRangeQuery("from_day", Long.MIN_VALUE, day), Occur.FILTER)
                .add(LongPoint.newRangeQuery("until_day", day, Long.MAX_VALUE), Occur.FILTER);
        if (r.channel() != null) {
            q.add(new TermQuery(new Term("channel", r.channel())), Occur.FILTER);
        }
        return search(q.build(), r.limit(), lang);
    }

    private List<Candidate> search(Query query, int limit, String lang) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                TopDocs top = s.search(query, limit);
                List<Candidate> out = new ArrayList<>();
                var stored = s.storedFields();
                for (ScoreDoc d : top.scoreDocs) {
                    Document doc = stored.document(d.doc);
                    out.add(new Candidate(Long.parseLong(doc.get("id")), lang, doc.get("question_stored"), doc.get("snippet"),
                            d.score, name()));
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terms the field's analyzer makes of a text. */
    List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!t.isBlank() && !out.contains(t)) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Document document(KnowledgeStore.VersionRow v) {
        String lang = v.language();
        Document d = new Document();
        d.add(new StringField("id", Long.toString(v.entryId()), Field.Store.YES));
        d.add(new StringField("lang", lang, Field.Store.NO));
        for (String ch : v.channels()) {
            d.add(new StringField("channel", ch, Field.Store.NO));
        }
        long from = v.validFrom() == null ? Long.MIN_VALUE : v.validFrom().toEpochDay();
        long until = v.validUntil() == null ? Long.MAX_VALUE : v.validUntil().toEpochDay();
        d.add(new LongPoint("from_day", from));
        d.add(new LongPoint("until_day", until));
        d.add(new TextField("question_" + lang, v.question(), Field.Store.NO));
        d.add(new TextField("similar_" + lang, String.join("\n", v.similarQuestions()), Field.Store.NO));
        d.add(new TextField("answer_" + lang, AnswerSanitizer.plainText(v.answerHtml()), Field.Store.NO));
        d.add(new StoredField("question_stored", v.question()));
        d.add(new StoredField("snippet", AnswerSanitizer.snippet(v.answerHtml(), SNIPPET)));
        return d;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
