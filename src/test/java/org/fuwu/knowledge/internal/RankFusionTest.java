package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static Candidate c(long id, double score, String source) {
        return new Candidate(id, "en", "q" + id, "s", score, source);
    }

    @Test
    void aSingleListKeepsItsOrderAndScores() {
        var fused = RankFusion.fuse(List.of(List.of(c(1, 9.5, "bm25"), c(2, 3.0, "bm25")), List.of()), 5);
        assertThat(fused).extracting(Candidate::entryId).containsExactly(1L, 2L);
        assertThat(fused.get(0).score()).isEqualTo(9.5);
    }

    @Test
    void twoListsAreFusedByReciprocalRank() {
        var bm25 = List.of(c(1, 9, "bm25"), c(2, 8, "bm25"), c(3, 7, "bm25"));
        var dense = List.of(c(3, 0.9, "dense"), c(2, 0.8, "dense"), c(4, 0.7, "dense"));
        var fused = RankFusion.fuse(List.of(bm25, dense), 3);
        // 2: 1/62 + 1/62; 3: 1/63 + 1/61; 1: 1/61; 4: 1/63
        assertThat(fused).extracting(Candidate::entryId).containsExactly(3L, 2L, 1L);
        assertThat(fused.get(1).score()).isEqualTo(2.0 / 62);
    }
}
