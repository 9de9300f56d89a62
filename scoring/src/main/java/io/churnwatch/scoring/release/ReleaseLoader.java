package io.churnwatch.scoring.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.ValueModelParams;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.release.CurrentReleaseScorer;
import io.churnwatch.trainer.release.ReleaseSegments;
import io.churnwatch.trainer.segments.SegmentFeatures;
import io.churnwatch.trainer.segments.SegmentModel;
import io.churnwatch.trainer.value.CustomerValueModel;
import io.churnwatch.trainer.value.ValueModelParameters;

/**
 * Turns a {@link ModelRelease} record into a {@link LoadedRelease}. Everything that can be wrong with a release
 * (a model format or feature this version does not know, invalid parameters) fails here, once, with a message
 * that says what: the scorer then keeps the release it had.
 */
public final class ReleaseLoader {

    /** The only churn model format the scorer reads ({@code "xgboost-" + ChurnModel.FORMAT}). */
    public static final String SUPPORTED_FORMAT = "xgboost-" + ChurnModel.FORMAT;

    private final ChurnEngine engine;

    /** Scores in plain Java wherever the release allows ({@link ChurnEngine#JAVA}). */
    public ReleaseLoader() {
        this(ChurnEngine.JAVA);
    }

    public ReleaseLoader(ChurnEngine engine) {
        this.engine = engine;
    }

    public LoadedRelease load(ModelRelease release) {
        if (!SUPPORTED_FORMAT.equals(release.getChurnModelFormat())) {
            throw new IllegalArgumentException("release v" + release.getVersion() + " has a churn model in format '"
                    + release.getChurnModelFormat() + "'; this scorer reads '" + SUPPORTED_FORMAT + "'");
        }
        double threshold = release.getThreshold();
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("release v" + release.getVersion() + " has threshold " + threshold);
        }
        FeatureVectorizer vectorizer = FeatureVectorizer.forNames(release.getFeatureNames());
        SegmentModel segments = ReleaseSegments.of(release).orElse(null);
        if (segments != null && !segments.featureNames().equals(SegmentFeatures.FEATURE_NAMES)) {
            throw new IllegalArgumentException("release v" + release.getVersion() + " segments on "
                    + segments.featureNames() + "; this scorer computes " + SegmentFeatures.FEATURE_NAMES);
        }
        ValueModelParams params = release.getValueModel();
        CustomerValueModel valueModel = CustomerValueModel.of(new ValueModelParameters(params.getR(),
                params.getAlpha(), params.getA(), params.getB(), params.getP(), params.getQ(), params.getGamma()));
        boolean spendUsable = params.getQ() > 1;
        ChurnBooster booster = ChurnBoosterLoader.load(CurrentReleaseScorer.bytes(release.getChurnModel()),
                vectorizer.width(), engine, "release v" + release.getVersion());
        return new LoadedRelease(release.getVersion(), threshold, release.getHorizonDays(), params.getHorizonDays(),
                vectorizer, booster, segments, valueModel, spendUsable);
    }
}
