package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.ValueModelParams;
import io.churnwatch.trainer.churn.ChurnModel;
import java.nio.ByteBuffer;

/** Builds the {@code ModelRelease} record from a run's results. */
public final class ReleaseAssembler {

    private ReleaseAssembler() {
    }

    public static ModelRelease assemble(ReleaseContents contents) {
        int horizonDays = contents.split().horizonDays();
        return ModelRelease.newBuilder()
                .setVersion(contents.version())
                .setCreatedAt(contents.createdAt())
                .setTrainingWindowStart(contents.split().refit().get(0))
                .setTrainingWindowEnd(contents.split().refit().get(contents.split().refit().size() - 1))
                .setTestCutoff(contents.split().test())
                .setHorizonDays(horizonDays)
                .setFeatureNames(contents.featureNames())
                .setChurnModel(ByteBuffer.wrap(contents.churnModel()))
                .setChurnModelFormat("xgboost-" + ChurnModel.FORMAT)
                .setMetrics(contents.metrics().stream()
                        .map(m -> io.churnwatch.schemas.ContenderMetrics.newBuilder()
                                .setContender(m.contender()).setRocAuc(m.rocAuc()).setPrAuc(m.prAuc())
                                .setLiftTop10(m.liftTop10()).setBrier(m.brier()).build())
                        .toList())
                .setThreshold(contents.threshold().threshold())
                .setThresholdRule(contents.thresholdRule())
                .setPromoted(contents.promotion().promoted())
                .setPromotionNote(contents.promotion().note())
                .setSegmentFeatureNames(contents.segments().featureNames())
                .setSegmentScaleMean(contents.segments().scaleMeanAsList())
                .setSegmentScaleStd(contents.segments().scaleStdAsList())
                .setSegments(ReleaseSegments.centroids(contents.segments()))
                .setValueModel(ValueModelParams.newBuilder()
                        .setR(contents.valueModel().r()).setAlpha(contents.valueModel().alpha())
                        .setA(contents.valueModel().a()).setB(contents.valueModel().b())
                        .setP(contents.valueModel().p()).setQ(contents.valueModel().q())
                        .setGamma(contents.valueModel().gamma()).setHorizonDays(horizonDays)
                        .build())
                .build();
    }
}
