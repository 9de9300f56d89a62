package io.churnwatch.scoring.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.scoring.fixtures.RandomBoosters;
import io.churnwatch.scoring.fixtures.RandomBoosters.Dataset;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.scoring.trees.TreeEnsemble;
import io.churnwatch.scoring.trees.UnsupportedModelException;
import io.churnwatch.scoring.trees.XgboostJsonModel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/** Which path a release scores on, and that a model the Java path would get wrong never scores in Java. */
class ChurnBoosterLoaderTest {

    /** Decimals kept as written, so that an untouched number reads back as the same float. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void theChurnReleaseScoresInJavaUnlessXgboostIsAskedFor() {
        byte[] model = TestReleases.firstModel().toBytes();
        int width = TestReleases.ALL_FEATURES.size();
        try (ChurnBooster java = ChurnBoosterLoader.load(model, width, ChurnEngine.JAVA, "test");
             ChurnBooster xgboost = ChurnBoosterLoader.load(model, width, ChurnEngine.XGBOOST, "test")) {
            assertThat(java).isInstanceOf(JavaChurnBooster.class);
            assertThat(xgboost).isInstanceOf(XgboostChurnBooster.class);
            assertThat(java.describe()).contains("Java TreeSHAP", "60 trees");
        }
    }

    @Test
    void aWidthThatDoesNotMatchTheReleaseFailsOnEitherEngine() {
        byte[] model = TestReleases.firstModel().toBytes();
        for (ChurnEngine engine : ChurnEngine.values()) {
            assertThatThrownBy(() -> ChurnBoosterLoader.load(model, 5, engine, "test"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29 features");
        }
    }

    @Test
    void aModelWithCategoricalSplitsFallsBackToXgboostAndStillScores() throws Exception {
        Dataset data = Dataset.random(600, 4, 0.1, 21);
        float[] values = data.values().clone();
        for (int i = 0; i < data.rows(); i++) {
            values[i * data.features() + 1] = i % 7;
        }
        DMatrix matrix = new DMatrix(values, data.rows(), data.features(), Float.NaN);
        matrix.setLabel(data.labels());
        matrix.setFeatureTypes(new String[] {"q", "c", "q", "q"});
        Booster booster = XGBoost.train(matrix, new HashMap<>(Map.of("objective", "binary:logistic",
                "tree_method", "hist", "max_depth", 3, "nthread", 1, "max_cat_to_onehot", 1)), 8, Map.of(), null, null);
        byte[] model = booster.toByteArray("ubj");
        float[] row = {0.3f, 4f, Float.NaN, -1f};
        DMatrix one = new DMatrix(row, 1, 4, Float.NaN);
        float[] expected = booster.predictContrib(one, 0)[0];
        one.dispose();
        booster.dispose();
        matrix.dispose();

        try (ChurnBooster loaded = ChurnBoosterLoader.load(model, 4, ChurnEngine.JAVA, "test")) {
            assertThat(loaded).isInstanceOf(XgboostChurnBooster.class);
            assertThat(loaded.explain(row).contributions()).containsExactly(expected);
        }
    }

    @Test
    void theLoadCheckCatchesAnEnsembleThatDisagreesWithXgboost() {
        byte[] model = TestReleases.firstModel().toBytes();
        try (XgboostChurnBooster reference = XgboostChurnBooster.load(model, TestReleases.ALL_FEATURES.size())) {
            byte[] json = reference.json();
            JavaPathCheck.verify(XgboostJsonModel.parse(json), reference);

            TreeEnsemble wrongDefaults = tampered(json, tree -> flipAll((ArrayNode) tree.get("default_left")));
            assertThatThrownBy(() -> JavaPathCheck.verify(wrongDefaults, reference))
                    .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("probe row");

            // Covers change the SHAP values but not a single prediction: only the contribution check sees them.
            TreeEnsemble wrongCovers = tampered(json, tree -> {
                ArrayNode covers = (ArrayNode) tree.get("sum_hessian");
                if (covers.size() > 1) {
                    covers.set(1, covers.numberNode(covers.get(1).floatValue() * 3));
                }
            });
            float[] row = new float[TestReleases.ALL_FEATURES.size()];
            ShapValues honest = XgboostJsonModel.parse(json).explain(row);
            assertThat(wrongCovers.explain(row).margin()).isEqualTo(honest.margin());
            assertThatThrownBy(() -> JavaPathCheck.verify(wrongCovers, reference))
                    .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("contribution");
        }
    }

    private static TreeEnsemble tampered(byte[] json, Consumer<ObjectNode> change) {
        try {
            JsonNode root = JSON.readTree(json);
            for (JsonNode tree : root.path("learner").path("gradient_booster").path("model").path("trees")) {
                change.accept((ObjectNode) tree);
            }
            return XgboostJsonModel.parse(JSON.writeValueAsBytes(root));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flipAll(ArrayNode flags) {
        for (int i = 0; i < flags.size(); i++) {
            flags.set(i, flags.numberNode(1 - flags.get(i).asInt()));
        }
    }
}
