package io.churnwatch.scoring.score;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.release.ReleaseRetiredException;
import io.churnwatch.trainer.segments.SegmentFeatures;
import io.churnwatch.trainer.trainingset.SegmentInputs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one customer with a release: churn probability with reasons, segment, expected purchases and value, and
 * value at risk. Without a release the score carries the customer and time only. A part that cannot be computed
 * for an odd customer is left null and logged rather than stopping the stream.
 */
public final class CustomerScorer {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerScorer.class);

    private final ScoringSettings settings;

    public CustomerScorer(ScoringSettings settings) {
        this.settings = settings;
    }

    /**
     * @param release             null before any release exists
     * @param previousProbability the probability of the customer's previous score, passed on for alerts
     * @throws ReleaseRetiredException when {@code release} was replaced meanwhile: score again with the current one
     */
    public ScoredCustomer score(CustomerFeatures features, LoadedRelease release, Double previousProbability) {
        SegmentFeatures segmentInputs = SegmentInputs.of(features);
        CustomerScore.Builder score = CustomerScore.newBuilder()
                .setCustomerId(features.getCustomerId())
                .setScoredAt(features.getAsOf())
                .setReasons(List.of());
        if (release == null) {
            return new ScoredCustomer(score.build(), previousProbability, null, segmentInputs);
        }
        score.setModelVersion(release.version());
        ChurnPrediction churn = predict(release, features);
        if (churn != null) {
            score.setChurnProbability(churn.probability()).setReasons(churn.reasons());
        }
        release.segments().ifPresent(model -> score.setSegment(model.assign(segmentInputs).name()));
        ValueEstimate value = estimateValue(release, features);
        score.setExpectedPurchases(value.expectedPurchases()).setExpectedValueMinor(value.expectedValueMinor());
        if (churn != null && value.expectedValueMinor() != null) {
            score.setValueAtRiskMinor(Math.round(churn.probability() * value.expectedValueMinor()));
        }
        return new ScoredCustomer(score.build(), previousProbability, release.threshold(), segmentInputs);
    }

    private ChurnPrediction predict(LoadedRelease release, CustomerFeatures features) {
        try {
            return ChurnPrediction.of(release, features, settings.reasonCount());
        } catch (ReleaseRetiredException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("cannot compute the churn probability of customer {} as of {} with {}: {}",
                    features.getCustomerId(), features.getAsOf(), release, e.getMessage());
            return null;
        }
    }

    private ValueEstimate estimateValue(LoadedRelease release, CustomerFeatures features) {
        int horizon = settings.valueHorizonDays() > 0 ? settings.valueHorizonDays() : release.valueHorizonDays();
        try {
            return ValueEstimator.estimate(release, features, horizon);
        } catch (RuntimeException e) {
            LOG.warn("cannot compute the expected value of customer {} as of {} with {}: {}",
                    features.getCustomerId(), features.getAsOf(), release, e.getMessage());
            return ValueEstimate.NONE;
        }
    }
}
