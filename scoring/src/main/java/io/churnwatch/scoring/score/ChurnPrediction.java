package io.churnwatch.scoring.score;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.Reason;
import io.churnwatch.scoring.reasons.ReasonPicker;
import io.churnwatch.scoring.reasons.ReasonWriter;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.trainer.churn.FeatureContext;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer's churn probability and its reasons, from a single SHAP pass over the release's trees, which also
 * yields the margin (log-odds) the probability is the logistic of.
 *
 * @param probability churn probability within the release's horizon
 * @param reasons     the strongest contributions, in words
 */
record ChurnPrediction(double probability, List<Reason> reasons) {

    static ChurnPrediction of(LoadedRelease release, CustomerFeatures features, int reasonCount) {
        FeatureVectorizer vectorizer = release.vectorizer();
        // The same vectorizer and context the trainer builds its rows with, at the features' own instant.
        FeatureContext context = FeatureVectorizer.context(features, features.getAsOf(),
                release.valueModel().purchases(), release.churnHorizonDays());
        ShapValues shap = release.explain(vectorizer.vector(context));
        float[] contributions = shap.contributions();
        List<Reason> reasons = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        // Every candidate in order, not just the first few: two features can say the same thing in words (a mean
        // gap and recency over the gap both read "only one purchase"), and a CRM user should not read it twice.
        for (int column : ReasonPicker.pick(contributions, vectorizer.width(), vectorizer.width())) {
            if (reasons.size() == reasonCount) {
                break;
            }
            String name = vectorizer.names().get(column);
            double value = vectorizer.value(column, context);
            String text = ReasonWriter.write(name, value, contributions[column], features, release.churnHorizonDays());
            if (!texts.add(text)) {
                continue;
            }
            reasons.add(Reason.newBuilder()
                    .setFeature(name)
                    .setValue(Double.isNaN(value) ? null : value)
                    .setContribution(contributions[column])
                    .setText(text)
                    .build());
        }
        return new ChurnPrediction(shap.probability(), List.copyOf(reasons));
    }
}
