package io.churnwatch.trainer.churn;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.trainingset.CustomerSummaries;
import io.churnwatch.trainer.value.BgNbdModel;
import io.churnwatch.trainer.value.RfmSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a customer into the feature vector of a given feature list (a release's {@code featureNames}), so the
 * trainer, the promotion gate (which re-scores an older release) and the scorer build vectors the same way.
 */
public final class FeatureVectorizer {

    private final List<String> names;
    private final ChurnFeature[] features;

    private FeatureVectorizer(List<String> names, ChurnFeature[] features) {
        this.names = List.copyOf(names);
        this.features = features;
    }

    /** Every feature this version knows, in its canonical order: what a new release is trained on. */
    public static FeatureVectorizer all() {
        return forNames(Arrays.stream(ChurnFeature.values()).map(ChurnFeature::featureName).toList());
    }

    /** A vectorizer for a given list; fails with the unknown names when this version cannot compute some. */
    public static FeatureVectorizer forNames(List<String> names) {
        List<String> unknown = new ArrayList<>();
        ChurnFeature[] resolved = new ChurnFeature[names.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = ChurnFeature.byName(names.get(i));
            if (resolved[i] == null) {
                unknown.add(names.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown churn features " + unknown + "; known: "
                    + Arrays.stream(ChurnFeature.values()).map(ChurnFeature::featureName).toList());
        }
        return new FeatureVectorizer(names, resolved);
    }

    public List<String> names() {
        return names;
    }

    public int width() {
        return features.length;
    }

    /**
     * The context of one customer at {@code asOf}, with BG/NBD outputs over {@code horizonDays} from
     * {@code bgNbd} (fitted at or before {@code asOf}; null gives NaN outputs).
     */
    public static FeatureContext context(CustomerFeatures features, Instant asOf, BgNbdModel bgNbd, int horizonDays) {
        if (bgNbd == null || features.getFirstPurchaseTime() == null || features.getOrders() < 1) {
            return new FeatureContext(features, asOf, Double.NaN, Double.NaN, Double.NaN);
        }
        RfmSummary rfm = CustomerSummaries.rfm(features, asOf);
        double x = rfm.frequency();
        double tx = rfm.recency();
        double age = rfm.age();
        return new FeatureContext(features, asOf, bgNbd.probabilityNoPurchase(horizonDays, x, tx, age),
                bgNbd.expectedPurchases(horizonDays, x, tx, age), bgNbd.probabilityAlive(x, tx, age));
    }

    public float[] vector(FeatureContext context) {
        float[] vector = new float[features.length];
        fill(vector, 0, context);
        return vector;
    }

    /** Writes the vector into {@code target} starting at {@code offset}. */
    public void fill(float[] target, int offset, FeatureContext context) {
        for (int j = 0; j < features.length; j++) {
            target[offset + j] = (float) features[j].valueOf(context);
        }
    }

    /** The named feature's value in a context, as a double (for reasons and reports). */
    public double value(int column, FeatureContext context) {
        return features[column].valueOf(context);
    }
}
