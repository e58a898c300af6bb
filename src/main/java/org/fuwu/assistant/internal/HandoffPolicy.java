package org.fuwu.assistant.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When the assistant hands the customer to a person: always when the text asks for one ("人工", "转人工",
 * "human please", "agent", "real person"…), and otherwise when the classifier is below the calibrated
 * thresholds (top-1 confidence or top-2 margin).
 */
public final class HandoffPolicy {

    private static final List<String> ZH = List.of("人工", "真人", "客服人员", "转接客服", "找客服");
    private static final Pattern EN = Pattern.compile(
            "\\b(human|agent|operator|real person|live person|representative|someone real|talk to a person|speak to a person)s?\\b");

    private final ThresholdCalibration.Thresholds thresholds;

    public HandoffPolicy(ThresholdCalibration.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public static boolean asksForHuman(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ZH.stream().anyMatch(lower::contains) || EN.matcher(lower).find();
    }

    public boolean handoff(String text, Prediction prediction) {
        return asksForHuman(text) || prediction.intent() == null
                || !thresholds.answers(prediction.confidence(), prediction.margin());
    }

    public ThresholdCalibration.Thresholds thresholds() {
        return thresholds;
    }
}
