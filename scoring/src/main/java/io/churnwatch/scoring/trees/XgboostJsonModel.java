package io.churnwatch.scoring.trees;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads XGBoost's JSON model format ({@code Booster.toByteArray("json")}, XGBoost 1.x to 3.x) into a
 * {@link TreeEnsemble}. Only what can be reproduced exactly is accepted: a {@code gbtree} booster with the
 * {@code binary:logistic} objective, one output, scalar leaves and numerical splits. Anything else fails with an
 * {@link UnsupportedModelException} that names the reason.
 */
public final class XgboostJsonModel {

    /** Numbers kept as decimals, so that each float is rounded once, from XGBoost's own digits. */
    private static final ObjectReader JSON =
            new ObjectMapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private XgboostJsonModel() {
    }

    public static TreeEnsemble parse(byte[] json) {
        JsonNode learner;
        try {
            learner = JSON.readTree(json).path("learner");
        } catch (IOException e) {
            throw new UnsupportedModelException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
        if (!learner.isObject()) {
            throw new UnsupportedModelException("not an XGBoost JSON model: no 'learner' object");
        }
        String objective = learner.path("objective").path("name").asText();
        if (!objective.equals("binary:logistic")) {
            throw new UnsupportedModelException("objective '" + objective + "'; only binary:logistic is supported");
        }
        JsonNode booster = learner.path("gradient_booster");
        String boosterName = booster.path("name").asText();
        if (!boosterName.equals("gbtree")) {
            throw new UnsupportedModelException("booster '" + boosterName + "'; only gbtree is supported");
        }
        JsonNode params = learner.path("learner_model_param");
        int features = intOf(params, "num_feature", 0);
        if (features < 1) {
            throw new UnsupportedModelException("num_feature is " + features);
        }
        if (intOf(params, "num_class", 0) > 1 || intOf(params, "num_target", 1) > 1) {
            throw new UnsupportedModelException("a model with several outputs");
        }
        float baseMargin = baseMargin(params.path("base_score").asText());

        JsonNode model = booster.path("model");
        for (JsonNode group : model.path("tree_info")) {
            if (group.asInt() != 0) {
                throw new UnsupportedModelException("trees for output group " + group.asInt());
            }
        }
        List<Tree> trees = new ArrayList<>();
        for (JsonNode tree : model.path("trees")) {
            try {
                trees.add(tree(tree, features));
            } catch (UnsupportedModelException e) {
                throw new UnsupportedModelException("tree " + trees.size() + ": " + e.getMessage(), e);
            }
        }
        if (trees.isEmpty()) {
            throw new UnsupportedModelException("the model has no trees");
        }
        return new TreeEnsemble(baseMargin, features, trees, TreeEnsemble.TABLE_BUDGET);
    }

    /**
     * XGBoost keeps base_score as a probability ("5E-1", or "[5E-1]" with one value per target in newer versions)
     * and turns it into a margin with the objective's {@code ProbToMargin}, in float: {@code -logf(1/p - 1)}.
     */
    private static float baseMargin(String text) {
        String[] values = text.replace("[", "").replace("]", "").split(",");
        float p;
        try {
            if (values.length != 1) {
                throw new NumberFormatException(values.length + " values");
            }
            p = Float.parseFloat(values[0].trim());
        } catch (NumberFormatException e) {
            throw new UnsupportedModelException("base_score '" + text + "' is not one number", e);
        }
        if (!(p > 0f && p < 1f)) {
            throw new UnsupportedModelException("base_score " + p + " is not a probability in (0, 1)");
        }
        return -(float) Math.log(1.0f / p - 1.0f);
    }

    private static Tree tree(JsonNode tree, int features) {
        JsonNode params = tree.path("tree_param");
        if (intOf(params, "size_leaf_vector", 1) > 1) {
            throw new UnsupportedModelException("vector leaves");
        }
        for (JsonNode type : tree.path("split_type")) {
            if (type.asInt() != 0) {
                throw new UnsupportedModelException("a categorical split");
            }
        }
        if (tree.path("categories_nodes").size() > 0) {
            throw new UnsupportedModelException("a categorical split");
        }
        int[] defaults = ints(tree, "default_left");
        boolean[] defaultLeft = new boolean[defaults.length];
        for (int n = 0; n < defaults.length; n++) {
            defaultLeft[n] = defaults[n] != 0;
        }
        Tree parsed = new Tree(ints(tree, "left_children"), ints(tree, "right_children"), ints(tree, "split_indices"),
                floats(tree, "split_conditions"), defaultLeft, floats(tree, "sum_hessian"), features);
        if (intOf(params, "num_nodes", parsed.left.length) != parsed.left.length) {
            throw new UnsupportedModelException(parsed.left.length + " nodes where tree_param says "
                    + params.path("num_nodes").asText());
        }
        return parsed;
    }

    /** XGBoost writes its parameters as strings ("29"); an absent one takes {@code absent}. */
    private static int intOf(JsonNode object, String field, int absent) {
        if (!object.has(field)) {
            return absent;
        }
        String text = object.path(field).asText();
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UnsupportedModelException(field + " '" + text + "' is not an integer", e);
        }
    }

    private static int[] ints(JsonNode tree, String field) {
        JsonNode array = array(tree, field);
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    /** XGBoost writes each float with the digits that round-trip it: parsed once from the decimal, it is exact. */
    private static float[] floats(JsonNode tree, String field) {
        JsonNode array = array(tree, field);
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    private static JsonNode array(JsonNode tree, String field) {
        JsonNode array = tree.path(field);
        if (!array.isArray()) {
            throw new UnsupportedModelException("no '" + field + "' array");
        }
        return array;
    }
}
