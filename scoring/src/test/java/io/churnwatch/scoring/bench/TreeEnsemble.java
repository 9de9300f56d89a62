package io.churnwatch.scoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A binary-logistic XGBoost model walked in plain Java, from the booster's JSON model ({@code toByteArray("json")}):
 * the candidate fast single-row path of the benchmark. It reproduces XGBoost's arithmetic: float comparisons
 * {@code value < split} (missing values follow the default direction), leaf values summed in float onto the base
 * margin, and a float logistic. Numerical splits only (the churn model has no categorical features).
 */
public final class TreeEnsemble {

    private final float baseMargin;
    private final int[][] left;
    private final int[][] right;
    private final int[][] feature;
    private final float[][] split;
    private final boolean[][] defaultLeft;

    private TreeEnsemble(float baseMargin, int trees) {
        this.baseMargin = baseMargin;
        this.left = new int[trees][];
        this.right = new int[trees][];
        this.feature = new int[trees][];
        this.split = new float[trees][];
        this.defaultLeft = new boolean[trees][];
    }

    public static TreeEnsemble fromJson(byte[] json) {
        JsonNode learner;
        try {
            learner = new ObjectMapper().readTree(json).path("learner");
        } catch (IOException e) {
            throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
        String objective = learner.path("objective").path("name").asText();
        if (!objective.equals("binary:logistic")) {
            throw new IllegalArgumentException("only binary:logistic is supported, not " + objective);
        }
        // "5E-1" in older models, "[5E-1]" (one per target) in newer ones.
        String baseScore = learner.path("learner_model_param").path("base_score").asText().replace("[", "")
                .replace("]", "").split(",")[0];
        float p = Float.parseFloat(baseScore);
        JsonNode trees = learner.path("gradient_booster").path("model").path("trees");
        TreeEnsemble ensemble = new TreeEnsemble((float) Math.log(p / (1 - p)), trees.size());
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            for (JsonNode type : tree.path("split_type")) {
                if (type.asInt() != 0) {
                    throw new IllegalArgumentException("tree " + t + " has a categorical split");
                }
            }
            ensemble.left[t] = ints(tree.path("left_children"));
            ensemble.right[t] = ints(tree.path("right_children"));
            ensemble.feature[t] = ints(tree.path("split_indices"));
            ensemble.split[t] = floats(tree.path("split_conditions"));
            int[] defaults = ints(tree.path("default_left"));
            ensemble.defaultLeft[t] = new boolean[defaults.length];
            for (int n = 0; n < defaults.length; n++) {
                ensemble.defaultLeft[t][n] = defaults[n] != 0;
            }
        }
        return ensemble;
    }

    /** The churn probability of one row (NaN = missing), as XGBoost's predict computes it. */
    public float probability(float[] row) {
        float margin = baseMargin;
        for (int t = 0; t < left.length; t++) {
            int[] lefts = left[t];
            int[] rights = right[t];
            int[] features = feature[t];
            float[] splits = split[t];
            boolean[] defaults = defaultLeft[t];
            int node = 0;
            while (lefts[node] != -1) {
                float value = row[features[node]];
                boolean goLeft = Float.isNaN(value) ? defaults[node] : value < splits[node];
                node = goLeft ? lefts[node] : rights[node];
            }
            // A leaf's split condition holds its value.
            margin += splits[node];
        }
        return 1f / (1f + (float) Math.exp(-margin));
    }

    public int trees() {
        return left.length;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
