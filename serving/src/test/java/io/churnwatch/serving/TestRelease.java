package io.churnwatch.serving;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import io.churnwatch.schemas.ContenderMetrics;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.churnwatch.schemas.ValueModelParams;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.ChurnModelSettings;
import io.churnwatch.trainer.churn.ChurnModelTrainer;
import io.churnwatch.trainer.churn.FeatureMatrix;
import io.churnwatch.trainer.churn.RoundListener;
import io.churnwatch.trainer.segments.SegmentFeatures;

/**
 * A small but real model release: an XGBoost booster trained with the trainer's own code on synthetic customers
 * whose churn grows with recency and falls with frequency, plus BG/NBD and Gamma-Gamma parameters and two
 * segments, so that the stream's scorer computes probabilities, reasons, segments and value at risk.
 */
final class TestRelease {

    static final List<String> FEATURES = List.of("recency_days", "orders", "gross_revenue_minor");

    private TestRelease() {
    }

    static ModelRelease build(long version) {
        return build(version, 0.5, 90);
    }

    /**
     * A release whose booster learned churn around {@code pivotRecencyDays} of recency (90 in {@link #build(long)}):
     * a smaller pivot makes the same customer more likely to churn, so two releases score her differently.
     */
    static ModelRelease build(long version, double threshold, double pivotRecencyDays) {
        int rows = 800;
        Random random = new Random(42);
        float[] values = new float[rows * FEATURES.size()];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            double recency = random.nextDouble() * 300;
            int orders = 1 + random.nextInt(20);
            double revenue = orders * (500 + random.nextDouble() * 2500);
            values[i * 3] = (float) recency;
            values[i * 3 + 1] = orders;
            values[i * 3 + 2] = (float) revenue;
            double churn = 1 / (1 + Math.exp(-((recency - pivotRecencyDays) / 30 - orders / 8.0)));
            labels[i] = random.nextDouble() < churn ? 1 : 0;
        }
        ChurnModelSettings settings = ChurnModelSettings.defaults().withThreads(1);
        byte[] booster;
        try (ChurnModel model = new ChurnModelTrainer(settings).fit(new FeatureMatrix(values, rows, FEATURES, labels),
                40, RoundListener.NONE)) {
            booster = model.toBytes();
        }
        Instant created = Instant.parse("2011-10-01T00:00:00Z");
        return ModelRelease.newBuilder()
                .setVersion(version)
                .setCreatedAt(created)
                .setTrainingWindowStart(Instant.parse("2011-01-01T00:00:00Z"))
                .setTrainingWindowEnd(Instant.parse("2011-06-01T00:00:00Z"))
                .setTestCutoff(Instant.parse("2011-09-01T00:00:00Z"))
                .setHorizonDays(90)
                .setFeatureNames(FEATURES)
                .setChurnModel(ByteBuffer.wrap(booster))
                .setChurnModelFormat("xgboost-ubj")
                .setMetrics(List.of(metrics("xgboost", 0.80, 0.75, 1.6), metrics("recency-rule", 0.76, 0.70, 1.4),
                        metrics("bgnbd-no-purchase", 0.79, 0.74, 1.5)))
                .setThreshold(threshold)
                .setThresholdRule("set by the test")
                .setPromoted(true)
                .setSegmentFeatureNames(SegmentFeatures.FEATURE_NAMES)
                // log1p recency, log1p orders, log1p revenue, return rate; centroids in standardised units.
                .setSegmentScaleMean(List.of(3.5, 1.5, 9.0, 0.05))
                .setSegmentScaleStd(List.of(1.2, 0.8, 1.5, 0.1))
                .setSegments(List.of(
                        centroid("Champions", List.of(-1.5, 1.0, 1.0, 0.0), 300),
                        centroid("Lost", List.of(1.5, -1.0, -1.0, 0.0), 500)))
                .setValueModel(ValueModelParams.newBuilder().setR(0.8).setAlpha(30).setA(0.7).setB(3.0)
                        .setP(6).setQ(4).setGamma(1500).setHorizonDays(90).build())
                .build();
    }

    private static ContenderMetrics metrics(String contender, double rocAuc, double prAuc, double lift) {
        return ContenderMetrics.newBuilder().setContender(contender).setRocAuc(rocAuc).setPrAuc(prAuc)
                .setLiftTop10(lift).setBrier(null).build();
    }

    private static SegmentCentroid centroid(String name, List<Double> centre, long size) {
        return SegmentCentroid.newBuilder().setName(name).setCentroid(centre).setSize(size).build();
    }
}
