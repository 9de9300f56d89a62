package io.churnwatch.scoring.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.scoring.fixtures.RandomBoosters;
import io.churnwatch.scoring.fixtures.RandomBoosters.Dataset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/** Models the Java path cannot reproduce exactly are refused with the reason, never read approximately. */
class XgboostJsonModelTest {

    private static final Dataset DATA = Dataset.random(400, 4, 0.1, 9);

    @Test
    void aBinaryLogisticTreeModelIsRead() throws Exception {
        TreeEnsemble ensemble = XgboostJsonModel.parse(json(Map.of("max_depth", 3), 5));
        assertThat(ensemble.trees()).isEqualTo(5);
        assertThat(ensemble.features()).isEqualTo(4);
        assertThat(ensemble.maxDepth()).isBetween(1, 3);
    }

    @Test
    void categoricalSplitsAreRefused() throws Exception {
        float[] values = DATA.values().clone();
        for (int i = 0; i < DATA.rows(); i++) {
            values[i * DATA.features() + 1] = i % 7;
        }
        DMatrix matrix = new DMatrix(values, DATA.rows(), DATA.features(), Float.NaN);
        matrix.setLabel(DATA.labels());
        matrix.setFeatureTypes(new String[] {"q", "c", "q", "q"});
        Map<String, Object> params = new HashMap<>(Map.of("objective", "binary:logistic", "tree_method", "hist",
                "max_depth", 3, "nthread", 1, "max_cat_to_onehot", 1));
        Booster booster = XGBoost.train(matrix, params, 5, Map.of(), null, null);
        byte[] json = booster.toByteArray("json");
        booster.dispose();
        matrix.dispose();

        assertThatThrownBy(() -> XgboostJsonModel.parse(json)).isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("categorical split");
    }

    @Test
    void otherObjectivesAndBoostersAreRefused() throws Exception {
        assertThatThrownBy(() -> XgboostJsonModel.parse(json(Map.of("objective", "reg:squarederror"), 3)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("reg:squarederror");
        assertThatThrownBy(() -> XgboostJsonModel.parse(json(Map.of("booster", "dart", "rate_drop", 0.1), 3)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("dart");
    }

    @Test
    void aTreeWhoseRightChildDoesNotFollowItsLeftIsRefused() throws Exception {
        String json = new String(json(Map.of("max_depth", 1), 1), StandardCharsets.UTF_8);
        String swapped = json.replace("\"left_children\":[1,", "\"left_children\":[2,")
                .replace("\"right_children\":[2,", "\"right_children\":[1,");
        assertThat(swapped).isNotEqualTo(json);
        assertThatThrownBy(() -> XgboostJsonModel.parse(swapped.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("tree 0");
    }

    @Test
    void somethingElseIsNotAModel() {
        assertThatThrownBy(() -> XgboostJsonModel.parse("{\"rows\": 3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("learner");
        assertThatThrownBy(() -> XgboostJsonModel.parse(new byte[] {0x7b, 0x5b}))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("not an XGBoost JSON model");
    }

    private static byte[] json(Map<String, Object> params, int rounds) throws Exception {
        Booster booster = RandomBoosters.train(DATA, params, rounds);
        try {
            return booster.toByteArray("json");
        } finally {
            booster.dispose();
        }
    }
}
