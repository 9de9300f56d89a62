package io.churnwatch.trainer.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.evaluation.RocAuc;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.Labeller;
import io.churnwatch.trainer.trainingset.PointInTimeValueModels;
import io.churnwatch.trainer.trainingset.SnapshotIndex;
import io.churnwatch.trainer.trainingset.TimeSplit;
import io.churnwatch.trainer.trainingset.TimeSplitter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boosted churn model on snapshots of a known process, split by time as the trainer splits them. */
class ChurnModelTest {

    private static LabelledSet train;
    private static LabelledSet validation;
    private static LabelledSet test;
    private static final ChurnModelTrainer TRAINER =
            new ChurnModelTrainer(ChurnModelSettings.defaults().withRounds(300, 20));

    @BeforeAll
    static void buildSets() throws Exception {
        List<FeatureSnapshot> snapshots = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(1500, 18, 3L));
        SnapshotIndex index = SnapshotIndex.of(snapshots);
        TimeSplit split = TimeSplitter.split(index, 90);
        ChurnDatasets datasets = new ChurnDatasets(new Labeller(index, 90),
                new PointInTimeValueModels(index, 20_000), FeatureVectorizer.all());
        train = datasets.build(split.train());
        validation = datasets.build(List.of(split.validation()));
        test = datasets.build(List.of(split.test()));
    }

    @Test
    void beatsRandomClearlyOnALaterCutoff() {
        EarlyStopping stopping = TRAINER.findRounds(train.matrix(), validation.matrix(), RoundListener.NONE);
        try (ChurnModel model = TRAINER.fit(train.matrix(), stopping.bestRounds(), RoundListener.NONE)) {
            double auc = RocAuc.of(model.probabilities(test.matrix()), test.matrix().churned());
            assertThat(auc).isGreaterThan(0.75);
            assertThat(model.rounds()).isEqualTo(stopping.bestRounds());
        }
        assertThat(stopping.roundsRun()).isLessThan(300);
        assertThat(stopping.bestValidationAuc()).isGreaterThan(0.75);
    }

    @Test
    void shapContributionsOfEveryCustomerSumToTheMargin() {
        try (ChurnModel model = TRAINER.fit(train.matrix(), 60, RoundListener.NONE)) {
            float[][] contributions = model.contributions(test.matrix());
            double[] margins = model.margins(test.matrix());
            assertThat(contributions[0]).hasSize(test.matrix().columns() + 1);
            for (int i = 0; i < margins.length; i++) {
                double sum = 0;
                for (float c : contributions[i]) {
                    sum += c;
                }
                assertThat(sum).as("customer %d", i).isCloseTo(margins[i], within(1e-3));
            }
            double[] probabilities = model.probabilities(test.matrix());
            assertThat(probabilities[0]).isCloseTo(1 / (1 + Math.exp(-margins[0])), within(1e-5));
        }
    }

    @Test
    void ubjRoundTripPredictsIdentically() {
        try (ChurnModel model = TRAINER.fit(train.matrix(), 40, RoundListener.NONE)) {
            byte[] bytes = model.toBytes();
            assertThat(new String(bytes, 0, 1, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("{");
            try (ChurnModel loaded = ChurnModel.fromBytes(bytes, model.featureNames())) {
                assertThat(loaded.probabilities(test.matrix())).containsExactly(model.probabilities(test.matrix()));
                assertThat(loaded.rounds()).isEqualTo(40);
                assertThat(loaded.toBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aModelLoadedForOneThreadPredictsAndExplainsExactlyAsTheDefaultLoad() {
        try (ChurnModel model = TRAINER.fit(train.matrix(), 40, RoundListener.NONE)) {
            byte[] bytes = model.toBytes();
            try (ChurnModel everyCore = ChurnModel.fromBytes(bytes, model.featureNames());
                 ChurnModel oneThread = ChurnModel.fromBytes(bytes, model.featureNames(), 1)) {
                assertThat(oneThread.probabilities(test.matrix()))
                        .containsExactly(everyCore.probabilities(test.matrix()));
                float[][] expected = everyCore.contributions(test.matrix());
                float[][] actual = oneThread.contributions(test.matrix());
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("customer %d", i).containsExactly(expected[i], within(1e-6f));
                }
            }
            assertThatThrownBy(() -> ChurnModel.fromBytes(bytes, model.featureNames(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
            assertThatThrownBy(() -> ChurnModel.fromBytes(bytes, model.featureNames().subList(0, 3), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
        }
    }

    @Test
    void aLogisticRegressionOnTheSameFeaturesAlsoRanksButIsAContenderOnly() {
        LogisticRegression logistic = LogisticRegression.fit(train.matrix(), 1.0);
        double auc = RocAuc.of(logistic.probabilities(test.matrix()), test.matrix().churned());
        assertThat(auc).isGreaterThan(0.7);
    }
}
