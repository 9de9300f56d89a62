package io.churnwatch.scoring.trees;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.scoring.fixtures.RandomBoosters;
import io.churnwatch.scoring.fixtures.RandomBoosters.Dataset;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.trainer.churn.ChurnModel;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain-Java trees against xgboost4j itself, on real boosters trained here and thousands of rows each (the
 * training rows plus perturbed copies with more missing, scaled and negated values): every SHAP value within 1e-4
 * of {@code predictContrib}, the values adding up to the margin, the margin equal to {@code predict}'s and the
 * probability within 1e-6 of it. Both TreeSHAP paths are held to this on every model: the tables precomputed for
 * small trees and the walk of deep ones.
 */
class TreeEnsembleAgainstXgboostTest {

    private static final double CONTRIBUTION_TOLERANCE = 1e-4;
    private static final double PROBABILITY_TOLERANCE = 1e-6;

    /**
     * A booster to compare, the rows to compare it on, the least depth its trees must reach, and whether its trees
     * are small enough for precomputed tables (else they are walked).
     */
    record Case(Supplier<Booster> booster, Supplier<Dataset> rows, int minDepth, boolean precomputed) {
    }

    static Stream<Arguments> boosters() {
        Supplier<Dataset> churnRows = () -> RandomBoosters.syntheticChurn(TestReleases.ALL_FEATURES)
                .withPerturbedRows(2000, 11);
        Dataset random = Dataset.random(2500, 6, 0.3, 5);
        return Stream.of(
                Arguments.of("the churn release's booster: depth 4, 60 rounds, 29 features",
                        new Case(() -> load(TestReleases.firstModel()), churnRows, 4, true)),
                Arguments.of("the trainer's settings at depth 7, 80 rounds",
                        new Case(() -> {
                            try (ChurnModel model = RandomBoosters.deepChurnModel(7, 80)) {
                                return load(model);
                            }
                        }, churnRows, 7, true)),
                Arguments.of("hist, depth 8 on 6 features (features repeat along paths), 30% missing",
                        new Case(() -> RandomBoosters.train(random, Map.of("tree_method", "hist", "max_depth", 8,
                                "eta", 0.3, "min_child_weight", 0.5), 40),
                                () -> random.withPerturbedRows(1500, 12), 8, false)),
                Arguments.of("hist, depth 5 on 6 features, 30% missing, 120 rounds",
                        new Case(() -> RandomBoosters.train(random, Map.of("tree_method", "hist", "max_depth", 5,
                                "eta", 0.1, "min_child_weight", 0.5), 120),
                                () -> random.withPerturbedRows(1500, 15), 5, true)),
                Arguments.of("exact, depth 10, pruned (gamma), base_score 0.2 without boosting from the average",
                        new Case(() -> RandomBoosters.train(random, Map.of("tree_method", "exact", "max_depth", 10,
                                "gamma", 0.3, "eta", 0.2, "min_child_weight", 2, "base_score", 0.2,
                                "boost_from_average", 0), 30),
                                () -> random.withPerturbedRows(1500, 13), 6, false)),
                Arguments.of("lossguide, 48 leaves, unbounded depth, row and column sampling",
                        new Case(() -> RandomBoosters.train(random, Map.of("tree_method", "hist",
                                "grow_policy", "lossguide", "max_leaves", 48, "max_depth", 0, "subsample", 0.7,
                                "colsample_bynode", 0.6, "eta", 0.2), 30),
                                () -> random.withPerturbedRows(1500, 14), 8, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boosters")
    void shapValuesMarginAndProbabilityAreXgboosts(String name, Case model) throws Exception {
        Dataset rows = model.rows().get();
        Booster booster = model.booster().get();
        float[][] contributions;
        float[][] margins;
        float[][] probabilities;
        TreeEnsemble ensemble;
        try {
            DMatrix matrix = rows.matrix();
            contributions = booster.predictContrib(matrix, 0);
            margins = booster.predict(matrix, true);
            probabilities = booster.predict(matrix);
            matrix.dispose();
            ensemble = TreeEnsemble.fromJson(booster.toByteArray("json"));
            assertThat(ensemble.trees()).isEqualTo(booster.getNumBoostedRound());
        } finally {
            booster.dispose();
        }
        assertThat(rows.rows()).isGreaterThanOrEqualTo(4000);
        assertThat(rows.missingValues()).as("missing values").isGreaterThan(rows.rows() / 2);
        assertThat(ensemble.maxDepth()).isGreaterThanOrEqualTo(model.minDepth());
        TreeEnsemble walked = ensemble.walkingEveryTree();
        assertThat(walked.precomputedTrees()).isZero();
        if (model.precomputed()) {
            assertThat(ensemble.precomputedTrees()).isEqualTo(ensemble.trees());
        } else {
            assertThat(ensemble.precomputedTrees()).isLessThan(ensemble.trees());
        }

        double worstContribution = 0;
        double worstSum = 0;
        double worstMargin = 0;
        double worstProbability = 0;
        for (int i = 0; i < rows.rows(); i++) {
            float[] row = rows.row(i);
            for (ShapValues shap : new ShapValues[] {ensemble.explain(row), walked.explain(row)}) {
                assertThat(shap.contributions()).hasSize(rows.features() + 1);
                double sum = 0;
                for (int column = 0; column <= rows.features(); column++) {
                    worstContribution = Math.max(worstContribution,
                            Math.abs(shap.contributions()[column] - contributions[i][column]));
                    sum += shap.contributions()[column];
                }
                worstSum = Math.max(worstSum, Math.abs(sum - margins[i][0]));
                worstMargin = Math.max(worstMargin, Math.abs(shap.margin() - margins[i][0]));
                worstProbability = Math.max(worstProbability, Math.abs(shap.probability() - probabilities[i][0]));
            }
            worstMargin = Math.max(worstMargin, Math.abs(ensemble.margin(row) - margins[i][0]));
            worstProbability = Math.max(worstProbability, Math.abs(ensemble.probability(row) - probabilities[i][0]));
        }
        System.out.printf("%s: %d rows, %s; worst differences from xgboost4j: contribution %.2e, "
                        + "sum vs margin %.2e, margin %.2e, probability %.2e%n", name, rows.rows(), ensemble,
                worstContribution, worstSum, worstMargin, worstProbability);
        assertThat(worstContribution).isLessThanOrEqualTo(CONTRIBUTION_TOLERANCE);
        assertThat(worstSum).isLessThanOrEqualTo(CONTRIBUTION_TOLERANCE);
        assertThat(worstMargin).as("XGBoost's own float sum, in the same order").isZero();
        assertThat(worstProbability).isLessThanOrEqualTo(PROBABILITY_TOLERANCE);
    }

    private static Booster load(ChurnModel model) {
        try {
            Booster booster = XGBoost.loadModel(model.toBytes());
            booster.setParam("nthread", 1);
            return booster;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
