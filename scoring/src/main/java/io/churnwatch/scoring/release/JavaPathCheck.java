package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.scoring.trees.TreeEnsemble;
import io.churnwatch.scoring.trees.UnsupportedModelException;
import java.util.Random;

/**
 * Before a release scores in Java, its {@link TreeEnsemble} must give xgboost4j's margins and SHAP values on probe
 * rows. The probes sit exactly at, just below and between the model's own split thresholds, with missing values
 * mixed in, which is where a different comparison, default direction or cover weighting would show. This guards
 * against model semantics the parser accepts but reads differently (a future base_score convention, say); it
 * costs one batch call per release.
 */
final class JavaPathCheck {

    static final int PROBES = 64;
    /** Far above float rounding (about 1e-7 relative here), far below any difference in meaning. */
    private static final double TOLERANCE = 1e-4;
    private static final double MISSING_SHARE = 0.15;

    private JavaPathCheck() {
    }

    /** @throws UnsupportedModelException naming the first probe and column that differ */
    static void verify(TreeEnsemble ensemble, XgboostChurnBooster reference) {
        int width = ensemble.features();
        float[] rows = probes(ensemble, new Random(20240917L));
        float[] margins = reference.margins(rows, PROBES);
        float[][] contributions = reference.contributions(rows, PROBES);
        float[] row = new float[width];
        for (int r = 0; r < PROBES; r++) {
            System.arraycopy(rows, r * width, row, 0, width);
            ShapValues java = ensemble.explain(row);
            if (differs(java.margin(), margins[r])) {
                throw new UnsupportedModelException("probe row " + r + ": margin " + java.margin()
                        + " in Java, " + margins[r] + " in xgboost4j");
            }
            for (int column = 0; column <= width; column++) {
                if (differs(java.contributions()[column], contributions[r][column])) {
                    throw new UnsupportedModelException("probe row " + r + ": contribution " + column + " is "
                            + java.contributions()[column] + " in Java, " + contributions[r][column]
                            + " in xgboost4j");
                }
            }
        }
    }

    private static boolean differs(double java, double xgboost) {
        return !(Math.abs(java - xgboost) <= TOLERANCE * Math.max(1, Math.abs(xgboost)));
    }

    /** Row 0 all missing; the others drawn around the split thresholds. */
    static float[] probes(TreeEnsemble ensemble, Random random) {
        int width = ensemble.features();
        float[][] thresholds = ensemble.splitThresholds();
        float[] rows = new float[PROBES * width];
        for (int f = 0; f < width; f++) {
            rows[f] = Float.NaN;
        }
        for (int r = 1; r < PROBES; r++) {
            for (int f = 0; f < width; f++) {
                rows[r * width + f] = random.nextDouble() < MISSING_SHARE ? Float.NaN : near(thresholds[f], random);
            }
        }
        return rows;
    }

    private static float near(float[] thresholds, Random random) {
        if (thresholds.length == 0) {
            return 0;
        }
        int k = random.nextInt(thresholds.length);
        float at = thresholds[k];
        return switch (random.nextInt(3)) {
            case 0 -> at;
            case 1 -> Math.nextDown(at);
            default -> k + 1 < thresholds.length ? (at + thresholds[k + 1]) / 2 : at + Math.max(1, Math.abs(at));
        };
    }
}
