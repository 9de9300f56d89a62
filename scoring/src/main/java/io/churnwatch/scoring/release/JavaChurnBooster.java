package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.scoring.trees.TreeEnsemble;

/** A release's trees evaluated in plain Java: exact TreeSHAP and the margin from one pass, no native call. */
final class JavaChurnBooster implements ChurnBooster {

    private final TreeEnsemble ensemble;

    JavaChurnBooster(TreeEnsemble ensemble) {
        this.ensemble = ensemble;
    }

    @Override
    public ShapValues explain(float[] row) {
        return ensemble.explain(row);
    }

    @Override
    public String describe() {
        return "Java TreeSHAP, " + ensemble;
    }

    /** Nothing native to free: the trees are plain Java arrays. */
    @Override
    public void close() {
    }
}
