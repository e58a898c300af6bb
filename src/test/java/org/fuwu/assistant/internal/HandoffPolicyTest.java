package org.fuwu.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffPolicyTest {

    private final HandoffPolicy policy = new HandoffPolicy(new ThresholdCalibration.Thresholds(0.6, 0.2));

    private static Prediction prediction(double top, double second) {
        return new Prediction(List.of(new Prediction.Scored("card_lost", top), new Prediction.Scored("balance", second)),
                top, top - second);
    }

    @Test
    void aRequestForAPersonIsAlwaysHonoured() {
        for (String text : List.of("转人工", "我要人工服务", "human please", "Can I talk to an agent?", "I want a real person",
                "get me a REPRESENTATIVE")) {
            assertThat(HandoffPolicy.asksForHuman(text)).as(text).isTrue();
            assertThat(policy.handoff(text, prediction(0.99, 0.0))).as(text).isTrue();
        }
    }

    @Test
    void ordinaryQuestionsDoNotAskForAPerson() {
        for (String text : List.of("我的卡丢了", "how do I reset my password", "what are the agency fees? no, the humanitarian fund")) {
            assertThat(HandoffPolicy.asksForHuman(text)).as(text).isFalse();
        }
    }

    @Test
    void answersOnlyAboveBothThresholds() {
        assertThat(policy.handoff("my card is lost", prediction(0.9, 0.05))).isFalse();
        assertThat(policy.handoff("my card is lost", prediction(0.59, 0.0))).isTrue();
        assertThat(policy.handoff("my card is lost", prediction(0.65, 0.5))).isTrue();
        assertThat(policy.handoff("my card is lost", new Prediction(List.of(), 0, 0))).isTrue();
    }
}
