package org.fuwu.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the ranked lists of several retrievers into one, by reciprocal rank fusion: an entry scores the sum of
 * 1 / ({@value #K} + rank) over the lists it is in (rank from 1). A single list is returned as it is, with its own
 * scores (BM25 alone keeps its BM25 scores).
 */
public final class RankFusion {

    /** RRF's damping constant, as in Cormack, Clarke and Büttcher (2009). */
    public static final int K = 60;

    private RankFusion() {
    }

    public static List<Candidate> fuse(List<List<Candidate>> lists, int limit) {
        List<List<Candidate>> nonEmpty = lists.stream().filter(l -> !l.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return List.of();
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.get(0).stream().limit(limit).toList();
        }
        Map<Long, Candidate> first = new LinkedHashMap<>();
        Map<Long, Double> scores = new LinkedHashMap<>();
        for (List<Candidate> list : nonEmpty) {
            for (int i = 0; i < list.size(); i++) {
                Candidate c = list.get(i);
                first.putIfAbsent(c.entryId(), c);
                scores.merge(c.entryId(), 1.0 / (K + i + 1), Double::sum);
            }
        }
        List<Candidate> fused = new ArrayList<>();
        scores.forEach((id, s) -> {
            Candidate c = first.get(id);
            fused.add(new Candidate(id, c.language(), c.question(), c.snippet(), s, "fused"));
        });
        fused.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingLong(Candidate::entryId));
        return fused.stream().limit(limit).toList();
    }
}
