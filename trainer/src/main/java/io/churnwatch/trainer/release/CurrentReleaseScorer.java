package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.FeatureMatrix;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.evaluation.RocAuc;
import io.churnwatch.trainer.trainingset.LabelledRow;
import io.churnwatch.trainer.value.BgNbdModel;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Scores a candidate's test customers with the current release's own booster and feature list, for the promotion
 * gate. The BG/NBD features come from the model fitted at the test cutoff, as they do for the candidate, and use
 * the current release's horizon, as its scorer would.
 */
public final class CurrentReleaseScorer {

    private CurrentReleaseScorer() {
    }

    public static PromotionGate.Rescore rescore(ModelRelease current, List<LabelledRow> testRows, Instant testCutoff,
                                                BgNbdModel testBgNbd) {
        FeatureVectorizer vectorizer;
        try {
            vectorizer = FeatureVectorizer.forNames(current.getFeatureNames());
        } catch (IllegalArgumentException e) {
            return PromotionGate.Rescore.failed(e.getMessage());
        }
        int width = vectorizer.width();
        float[] values = new float[Math.multiplyExact(testRows.size(), width)];
        float[] labels = new float[testRows.size()];
        for (int i = 0; i < testRows.size(); i++) {
            LabelledRow row = testRows.get(i);
            vectorizer.fill(values, i * width, FeatureVectorizer.context(row.features(), testCutoff, testBgNbd,
                    current.getHorizonDays()));
            labels[i] = row.churned() ? 1 : 0;
        }
        FeatureMatrix matrix = new FeatureMatrix(values, testRows.size(), vectorizer.names(), labels);
        try (ChurnModel model = ChurnModel.fromBytes(bytes(current.getChurnModel()), vectorizer.names())) {
            return PromotionGate.Rescore.of(RocAuc.of(model.probabilities(matrix), matrix.churned()));
        } catch (RuntimeException e) {
            return PromotionGate.Rescore.failed("its model could not score the test customers: " + e.getMessage());
        }
    }

    /** The bytes from the buffer's position to its limit, leaving the buffer as it was. */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
