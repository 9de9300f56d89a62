package io.churnwatch.benchmarks.http;

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
 * A model release that costs seconds, not a training run: an XGBoost booster trained with the trainer's own code
 * on synthetic customers (churn rises with recency, falls with frequency), BG/NBD and Gamma-Gamma parameters and
 * two segments. With it every customer the benchmark asks for carries a churn probability with reasons, a
 * segment and a value, as in production, so the answers have their real size.
 */
final class SyntheticRelease {

    private static final List<String> FEATURES = List.of("recency_days", "orders", "gross_revenue_minor");

    private SyntheticRelease() {
    }

    static ModelRelease build() {
        int rows = 2_000;
        Random random = new Random(7);
        float[] values = new float[rows * FEATURES.size()];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            double recency = random.nextDouble() * 300;
            int orders = 1 + random.nextInt(20);
            double revenue = orders * (500 + random.nextDouble() * 20_000);
            values[i * 3] = (float) recency;
            values[i * 3 + 1] = orders;
            values[i * 3 + 2] = (float) revenue;
            double churn = 1 / (1 + Math.exp(-((recency - 90) / 30 - orders / 8.0)));
            labels[i] = random.nextDouble() < churn ? 1 : 0;
        }
        byte[] booster;
        try (ChurnModel model = new ChurnModelTrainer(ChurnModelSettings.defaults().withThreads(1))
                .fit(new FeatureMatrix(values, rows, FEATURES, labels), 100, RoundListener.NONE)) {
            booster = model.toBytes();
        }
        return ModelRelease.newBuilder()
                .setVersion(1)
                .setCreatedAt(Instant.parse("2012-01-01T00:00:00Z"))
                .setTrainingWindowStart(Instant.parse("2011-01-01T00:00:00Z"))
                .setTrainingWindowEnd(Instant.parse("2011-06-01T00:00:00Z"))
                .setTestCutoff(Instant.parse("2011-09-01T00:00:00Z"))
                .setHorizonDays(90)
                .setFeatureNames(FEATURES)
                .setChurnModel(ByteBuffer.wrap(booster))
                .setChurnModelFormat("xgboost-ubj")
                .setMetrics(List.of(metrics("xgboost", 0.80, 0.75), metrics("recency-rule", 0.76, 0.70)))
                .setThreshold(0.5)
                .setThresholdRule("fixed by the HTTP benchmark")
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

    private static ContenderMetrics metrics(String contender, double rocAuc, double prAuc) {
        return ContenderMetrics.newBuilder().setContender(contender).setRocAuc(rocAuc).setPrAuc(prAuc)
                .setLiftTop10(1.5).setBrier(null).build();
    }

    private static SegmentCentroid centroid(String name, List<Double> centre, long size) {
        return SegmentCentroid.newBuilder().setName(name).setCentroid(centre).setSize(size).build();
    }
}
