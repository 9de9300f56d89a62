package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.segments.SegmentModel;
import io.churnwatch.trainer.value.CustomerValueModel;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One model release, ready to score: the churn model loaded once (in plain Java, or in xgboost4j when Java cannot
 * reproduce it; see {@link ChurnBoosterLoader}), the feature vectorizer for its feature list, the segment and value
 * models rebuilt from its parameters.
 *
 * <p>The churn model is shared by every stream thread (see {@link XgboostChurnBooster} on thread safety); what is
 * not safe is freeing a native booster while a thread predicts, so predictions hold a read lock and {@link #close}
 * takes the write lock. A thread that finds the release closed gets {@link ReleaseRetiredException} and scores with
 * the new one, whichever path the release uses, so that a retired release never answers.
 *
 * @param valueHorizonDays     the value model's own horizon (the one the release's threshold was chosen with)
 * @param churnHorizonDays     the churn horizon H, also the horizon of the BG/NBD features of the churn model
 * @param spendModelUsable     false when the release's Gamma-Gamma has no finite mean (q &lt;= 1): the customer's
 *                             own mean order value stands in, as the trainer does when choosing the threshold
 */
public final class LoadedRelease implements AutoCloseable {

    private final long version;
    private final double threshold;
    private final int churnHorizonDays;
    private final int valueHorizonDays;
    private final FeatureVectorizer vectorizer;
    private final ChurnBooster booster;
    private final SegmentModel segments;
    private final CustomerValueModel valueModel;
    private final boolean spendModelUsable;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    LoadedRelease(long version, double threshold, int churnHorizonDays, int valueHorizonDays,
                  FeatureVectorizer vectorizer, ChurnBooster booster, SegmentModel segments,
                  CustomerValueModel valueModel, boolean spendModelUsable) {
        this.version = version;
        this.threshold = threshold;
        this.churnHorizonDays = churnHorizonDays;
        this.valueHorizonDays = valueHorizonDays;
        this.vectorizer = vectorizer;
        this.booster = booster;
        this.segments = segments;
        this.valueModel = valueModel;
        this.spendModelUsable = spendModelUsable;
    }

    public long version() {
        return version;
    }

    /** Churn probability at or above which an alert is sent. */
    public double threshold() {
        return threshold;
    }

    public int churnHorizonDays() {
        return churnHorizonDays;
    }

    public int valueHorizonDays() {
        return valueHorizonDays;
    }

    public FeatureVectorizer vectorizer() {
        return vectorizer;
    }

    /** Empty when the release carries no segments. */
    public Optional<SegmentModel> segments() {
        return Optional.ofNullable(segments);
    }

    public CustomerValueModel valueModel() {
        return valueModel;
    }

    public boolean spendModelUsable() {
        return spendModelUsable;
    }

    /**
     * The margin and SHAP contributions of one row on the log-odds scale: one contribution per feature, then the
     * bias, as xgboost4j's {@code predictContrib} lays them out; they add up to the margin.
     *
     * @throws ReleaseRetiredException when the release was replaced and closed meanwhile
     */
    public ShapValues explain(float[] row) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ReleaseRetiredException(version);
            }
            return booster.explain(row);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Frees the churn model once no thread is predicting with it. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                booster.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "release v" + version + " (threshold " + threshold + ", " + vectorizer.width() + " features, "
                + booster.describe() + ")";
    }
}
