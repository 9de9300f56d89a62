package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.ShapValues;

/**
 * A release's churn model, ready to explain one row at a time on stream threads: the margin and the SHAP values in
 * one call. Safe to use from several threads at once; {@link #close} only once no thread uses it.
 * {@link ChurnBoosterLoader} chooses the implementation: {@link JavaChurnBooster} when it can,
 * {@link XgboostChurnBooster} otherwise.
 */
interface ChurnBooster extends AutoCloseable {

    /** SHAP values of one row (NaN = missing) on the log-odds scale, in {@code predictContrib}'s layout. */
    ShapValues explain(float[] row);

    /** Which path computes the values, for logs. */
    String describe();

    @Override
    void close();
}
