package io.churnwatch.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.ChurnModelSettings;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.release.CurrentReleaseScorer;
import io.churnwatch.trainer.release.ReleaseHistory;
import io.churnwatch.trainer.report.MarkdownReport;
import io.churnwatch.trainer.report.ReportWriter;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole training run on snapshots of a known process: release, report, promotion gate. */
class TrainerTest {

    static final List<FeatureSnapshot> SNAPSHOTS = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(2000, 18, 11L));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2011-07-01T06:00:00Z"), ZoneOffset.UTC);

    private static TrainingOutcome first;

    static TrainingSettings settings() {
        return TrainingSettings.defaults().withChurnModel(ChurnModelSettings.defaults().withRounds(300, 20));
    }

    static Trainer trainer(TrainingSettings settings) {
        return new Trainer(settings, ProgressListener.SILENT, CLOCK);
    }

    @BeforeAll
    static void trainFirstRelease() throws Exception {
        first = trainer(settings()).train(SNAPSHOTS, Optional.empty());
    }

    @Test
    void aFirstReleaseCarriesEverythingTheScorerNeedsAndIsPromoted() {
        ModelRelease release = first.release();
        TrainingReport report = first.report();

        assertThat(release.getVersion()).isEqualTo(1);
        assertThat(release.getPromoted()).isTrue();
        assertThat(release.getPromotionNote()).contains("first release");
        assertThat(release.getFeatureNames()).isEqualTo(FeatureVectorizer.all().names())
                .contains("bgnbd_p_no_purchase_h", "bgnbd_expected_purchases_h", "bgnbd_p_alive", "month");
        assertThat(release.getHorizonDays()).isEqualTo(90);
        assertThat(release.getTestCutoff().toString()).startsWith(report.split().test());
        assertThat(release.getTrainingWindowEnd()).isBefore(release.getTestCutoff());
        assertThat(release.getCreatedAt()).isEqualTo(CLOCK.instant());
        assertThat(release.getThreshold()).isBetween(0.0, 1.0 + 1e-9);
        assertThat(release.getThresholdRule()).contains("expected campaign profit", "saveRate = 0.2",
                "incentiveShare = 0.1", "contactCost = 500.0", "Gamma-Gamma");
        assertThat(report.threshold().incentiveShare()).isEqualTo(0.1);
        assertThat(report.threshold().alerted()).isLessThan(report.threshold().customers());
        assertThat(release.getSegments()).extracting(s -> s.getName())
                .containsExactlyInAnyOrder("Champions", "Loyal", "At-Risk", "Lost");
        assertThat(release.getSegmentFeatureNames()).hasSize(4);
        assertThat(release.getValueModel().getHorizonDays()).isEqualTo(90);
        assertThat(release.getValueModel().getQ()).isGreaterThan(1);
        assertThat(release.getMetrics()).extracting(m -> m.getContender()).containsExactly(
                TrainingReport.XGBOOST, TrainingReport.RECENCY_RULE, TrainingReport.BGNBD_NO_PURCHASE,
                TrainingReport.LOGISTIC_REGRESSION);
        // The model in the release is the refit: it loads from its bytes and uses the rounds early stopping chose.
        try (ChurnModel model = ChurnModel.fromBytes(CurrentReleaseScorer.bytes(release.getChurnModel()),
                release.getFeatureNames())) {
            assertThat(model.rounds()).isEqualTo(report.earlyStopping().bestRounds());
        }
    }

    @Test
    void theBoostedModelBeatsRandomClearlyAndEveryContenderIsMeasuredOnTheSameTestCutoff() {
        TrainingReport report = first.report();
        ContenderMetrics xgboost = report.contender(TrainingReport.XGBOOST).orElseThrow();
        ContenderMetrics recency = report.contender(TrainingReport.RECENCY_RULE).orElseThrow();
        ContenderMetrics bgNbd = report.contender(TrainingReport.BGNBD_NO_PURCHASE).orElseThrow();

        assertThat(xgboost.rocAuc()).isGreaterThan(0.8);
        assertThat(xgboost.liftTop10()).isGreaterThan(1.2);
        assertThat(xgboost.brier()).isNotNull();
        assertThat(recency.brier()).isNull();
        assertThat(bgNbd.brier()).isNotNull();
        // On a process that is BG/NBD at heart, the boosted model at least matches BG/NBD (within noise).
        assertThat(xgboost.rocAuc()).isGreaterThan(bgNbd.rocAuc() - 0.01);
        assertThat(report.calibration()).isNotEmpty();
        assertThat(report.expectedCalibrationError()).isLessThan(0.1);
        assertThat(report.featureImportance()).hasSize(FeatureVectorizer.all().width());
    }

    @Test
    void theReportExplainsTheSplitAndWritesMarkdownAndJson(@TempDir Path directory) throws Exception {
        TrainingReport report = first.report();
        assertThat(report.split().rule()).contains("label window ends by the test cutoff");
        assertThat(report.split().trainRows()).isPositive();
        assertThat(report.classWeighting()).contains("scale_pos_weight = 1.0");

        List<Path> written = ReportWriter.write(report, directory);

        String markdown = Files.readString(written.get(0));
        assertThat(markdown).contains("# Training report: release v1", "| xgboost |", "| recency-rule |",
                "| bgnbd-no-purchase |", "Time split (with embargo)", "Alert threshold", "Calibration");
        TrainingReport back = ReportWriter.fromJson(Files.readString(written.get(1)));
        assertThat(back.contenders()).isEqualTo(report.contenders());
        assertThat(back.split()).isEqualTo(report.split());
        assertThat(back.promotion()).isEqualTo(report.promotion());
        assertThat(directory.resolve("latest.md")).hasContent(markdown);
        assertThat(MarkdownReport.render(report)).isEqualTo(markdown);
    }

    @Test
    void aWorseCandidateIsNotPromotedAndTheReportSaysSo() throws Exception {
        // One depth-1 stump: a candidate that can only split the customers in two.
        ChurnModelSettings stump = new ChurnModelSettings(1, 1, 0, 0.3, 1, 1, 1.0, 1.0, 1.0, 1.0, 256, 2, 42L);
        TrainingOutcome candidate = trainer(settings().withChurnModel(stump))
                .train(SNAPSHOTS, ReleaseHistory.of(Optional.of(first.release())));

        TrainingReport.Promotion promotion = candidate.report().promotion();
        assertThat(candidate.release().getPromoted()).isFalse();
        assertThat(candidate.release().getVersion()).isEqualTo(2);
        assertThat(promotion.promoted()).isFalse();
        assertThat(promotion.currentVersion()).isEqualTo(1L);
        assertThat(promotion.note()).startsWith("Not promoted").contains("v1 stays current");
        assertThat(candidate.release().getPromotionNote()).isEqualTo(promotion.note());
        assertThat(MarkdownReport.render(candidate.report())).contains("**Not promoted.**");
        // The current release was re-scored on the same test cutoff: on the same data that is its own test AUC.
        double firstAuc = first.report().contender(TrainingReport.XGBOOST).orElseThrow().rocAuc();
        assertThat(promotion.currentAuc()).isCloseTo(firstAuc, within(1e-12));
        assertThat(promotion.currentAuc() - promotion.candidateAuc()).isGreaterThan(promotion.tolerance());
    }

    @Test
    void aCandidateAsGoodAsTheCurrentOneIsPromotedWithTheNextFreeVersion() throws Exception {
        TrainingOutcome candidate = trainer(settings())
                .train(SNAPSHOTS, new ReleaseHistory(Optional.of(first.release()), 5));

        assertThat(candidate.release().getPromoted()).isTrue();
        assertThat(candidate.release().getVersion()).isEqualTo(6);
        assertThat(candidate.report().promotion().note()).startsWith("Promoted: ROC-AUC")
                .contains("current release v1");
    }

    @Test
    void tooFewMaturedCutoffsIsNotEnoughData() {
        List<FeatureSnapshot> young = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(300, 6, 2L));

        assertThatThrownBy(() -> trainer(settings()).train(young, Optional.empty()))
                .isInstanceOf(NotEnoughDataException.class)
                .hasMessageContaining("matured monthly cutoff(s)")
                .hasMessageContaining("the stream will have enough once its event time passes");
    }

    @Test
    void tooFewChurnedOrRetainedCustomersIsNotEnoughData() {
        assertThatThrownBy(() -> trainer(settings().withMinRowsPerClass(1_000_000)).train(SNAPSHOTS, Optional.empty()))
                .isInstanceOf(NotEnoughDataException.class)
                .hasMessageContaining("Not enough labelled customers to train")
                .hasMessageContaining("at least 1000000 churned and 1000000 retained");
    }
}
