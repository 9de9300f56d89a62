package io.churnwatch.trainer.config;

import io.churnwatch.trainer.churn.ChurnModelSettings;
import io.churnwatch.trainer.segments.SegmentTrainingSettings;

/**
 * What one training run needs to know besides the snapshots (no Kafka here: see {@link TrainerConfig}).
 *
 * @param horizonDays        churn horizon H: churned = no purchase in {@code (c, c + H]} (default 90)
 * @param minRowsPerClass    the training, validation and test sets each need at least this many churned and this
 *                           many retained customers (default 20); fewer and AUCs are noise
 * @param promotionTolerance a candidate is not promoted when its test ROC-AUC is below the current release's,
 *                           re-scored on the same test cutoff, by more than this (default 0.005: on the full Online
 *                           Retail II test cutoff, differences under about 0.006 are noise)
 * @param saveRate           share of contacted would-be churners that the retention offer keeps (default 0.2)
 * @param contactCostMinor   cost of one contact in minor currency units (default 500, i.e. 5.00: a call or an e-mail
 *                           campaign's cost per head)
 * @param incentiveShare     cost of the retention offer (e.g. a discount) as a share of the customer's value over the
 *                           horizon (default 0.10); paid by every contacted customer who accepts it, including those
 *                           who would have stayed anyway (see {@code ThresholdChooser})
 * @param bgNbdFitSample     at most this many customers per cutoff for the point-in-time BG/NBD fits (default 10000: four
 *                           population parameters are pinned down well by far fewer, and each fit costs seconds)
 * @param shapSample         at most this many test customers for the SHAP feature importance (default 5000)
 * @param logisticBaseline   also fit and report a logistic regression contender (default true; cheap)
 */
public record TrainingSettings(int horizonDays, int minRowsPerClass, double promotionTolerance, double saveRate,
                               double contactCostMinor, double incentiveShare, int bgNbdFitSample, int shapSample,
                               boolean logisticBaseline, ChurnModelSettings churnModel,
                               SegmentTrainingSettings segments) {

    public static final int DEFAULT_HORIZON_DAYS = 90;
    public static final int DEFAULT_MIN_ROWS_PER_CLASS = 20;
    public static final double DEFAULT_PROMOTION_TOLERANCE = 0.005;
    public static final double DEFAULT_SAVE_RATE = 0.2;
    public static final double DEFAULT_CONTACT_COST_MINOR = 500;
    public static final double DEFAULT_INCENTIVE_SHARE = 0.10;
    public static final int DEFAULT_BGNBD_FIT_SAMPLE = 10_000;
    public static final int DEFAULT_SHAP_SAMPLE = 5_000;

    public TrainingSettings {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1, got " + horizonDays);
        }
        if (minRowsPerClass < 1) {
            throw new IllegalArgumentException("minRowsPerClass must be at least 1, got " + minRowsPerClass);
        }
        if (!(promotionTolerance >= 0)) {
            throw new IllegalArgumentException("promotionTolerance must be >= 0, got " + promotionTolerance);
        }
        if (!(saveRate > 0 && saveRate <= 1)) {
            throw new IllegalArgumentException("saveRate must lie in (0, 1], got " + saveRate);
        }
        if (!(contactCostMinor >= 0) || Double.isInfinite(contactCostMinor)) {
            throw new IllegalArgumentException("contactCostMinor must be a finite number >= 0, got " + contactCostMinor);
        }
        if (!(incentiveShare >= 0 && incentiveShare <= 1)) {
            throw new IllegalArgumentException("incentiveShare must lie in [0, 1], got " + incentiveShare);
        }
        if (shapSample < 1) {
            throw new IllegalArgumentException("shapSample must be at least 1, got " + shapSample);
        }
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_HORIZON_DAYS, DEFAULT_MIN_ROWS_PER_CLASS, DEFAULT_PROMOTION_TOLERANCE,
                DEFAULT_SAVE_RATE, DEFAULT_CONTACT_COST_MINOR, DEFAULT_INCENTIVE_SHARE, DEFAULT_BGNBD_FIT_SAMPLE,
                DEFAULT_SHAP_SAMPLE, true, ChurnModelSettings.defaults(), SegmentTrainingSettings.defaults());
    }

    public TrainingSettings withHorizonDays(int days) {
        return new TrainingSettings(days, minRowsPerClass, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, logisticBaseline, churnModel, segments);
    }

    public TrainingSettings withChurnModel(ChurnModelSettings settings) {
        return new TrainingSettings(horizonDays, minRowsPerClass, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, logisticBaseline, settings, segments);
    }

    public TrainingSettings withMinRowsPerClass(int rows) {
        return new TrainingSettings(horizonDays, rows, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, logisticBaseline, churnModel, segments);
    }

    public TrainingSettings withPromotionTolerance(double tolerance) {
        return new TrainingSettings(horizonDays, minRowsPerClass, tolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, logisticBaseline, churnModel, segments);
    }

    public TrainingSettings withThresholdEconomics(double newSaveRate, double newContactCostMinor,
                                                   double newIncentiveShare) {
        return new TrainingSettings(horizonDays, minRowsPerClass, promotionTolerance, newSaveRate,
                newContactCostMinor, newIncentiveShare, bgNbdFitSample, shapSample, logisticBaseline, churnModel,
                segments);
    }

    public TrainingSettings withBgNbdFitSample(int sample) {
        return new TrainingSettings(horizonDays, minRowsPerClass, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, sample, shapSample, logisticBaseline, churnModel, segments);
    }

    public TrainingSettings withSegments(SegmentTrainingSettings settings) {
        return new TrainingSettings(horizonDays, minRowsPerClass, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, logisticBaseline, churnModel, settings);
    }

    public TrainingSettings withLogisticBaseline(boolean enabled) {
        return new TrainingSettings(horizonDays, minRowsPerClass, promotionTolerance, saveRate, contactCostMinor,
                incentiveShare, bgNbdFitSample, shapSample, enabled, churnModel, segments);
    }
}
