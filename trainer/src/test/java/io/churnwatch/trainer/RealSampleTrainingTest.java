package io.churnwatch.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.ValueModelParams;
import io.churnwatch.trainer.churn.ChurnModelSettings;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.synthetic.OrderHistory;
import io.churnwatch.trainer.value.BgNbdModel;
import io.churnwatch.trainer.value.BgNbdParameters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A whole training run on the committed real-data sample (390 Online Retail II customers, read by the producers'
 * importer, snapshotted at every monthly cutoff and label horizon). It used to fail: BG/NBD fits on several of the
 * sample's cutoffs ran off to a, b in the millions and the expected-purchases feature threw "2F1 series
 * overflowed" while the training rows were built.
 */
class RealSampleTrainingTest {

    @Test
    void trainsAReleaseOnTheRealDataSample() throws Exception {
        List<FeatureSnapshot> snapshots = OrderHistory.snapshots(OrderHistory.realSample().values(),
                TrainingSettings.DEFAULT_HORIZON_DAYS);
        TrainingSettings settings = TrainingSettings.defaults()
                .withChurnModel(ChurnModelSettings.defaults().withRounds(300, 20));
        Trainer trainer = new Trainer(settings, ProgressListener.SILENT,
                Clock.fixed(Instant.parse("2012-01-01T00:00:00Z"), ZoneOffset.UTC));

        TrainingOutcome outcome = trainer.train(snapshots, Optional.empty());

        ModelRelease release = outcome.release();
        TrainingReport report = outcome.report();
        assertThat(release.getPromoted()).isTrue();
        assertThat(report.split().testRows()).isGreaterThan(300);
        // Real signal, even on 390 customers: every contender ranks churners well above chance.
        report.contenders().forEach(c -> assertThat(c.rocAuc()).as(c.contender()).isGreaterThan(0.65));
        assertThat(release.getThreshold()).isBetween(0.0, 1.0 + 1e-9);

        ValueModelParams value = release.getValueModel();
        for (double shape : new double[] {value.getR(), value.getA(), value.getB()}) {
            assertThat(shape).isBetween(BgNbdModel.MIN_SHAPE, BgNbdModel.MAX_SHAPE);
        }
        BgNbdModel released = BgNbdModel.of(new BgNbdParameters(value.getR(), value.getAlpha(), value.getA(),
                value.getB()));
        assertThat(released.expectedPurchases(90, 4, 200, 300)).isFinite().isPositive();
    }
}
