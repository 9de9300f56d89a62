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
import java.util.List;

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
        for (int column : ReasonPicker.pick(contributions, vectorizer.width(), reasonCount)) {
            String name = vectorizer.names().get(column);
            double value = vectorizer.value(column, context);
            reasons.add(Reason.newBuilder()
                    .setFeature(name)
                    .setValue(Double.isNaN(value) ? null : value)
                    .setContribution(contributions[column])
                    .setText(ReasonWriter.write(name, value, contributions[column], features,
                            release.churnHorizonDays()))
                    .build());
        }
        return new ChurnPrediction(shap.probability(), List.copyOf(reasons));
    }
}
