package io.churnwatch.scoring.bench;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.fixtures.SyntheticChurn;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.scoring.release.ChurnEngine;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.release.ReleaseLoader;
import io.churnwatch.scoring.score.CustomerScorer;
import io.churnwatch.scoring.score.ScoredCustomer;
import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.scoring.trees.TreeEnsemble;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.value.BgNbdModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of scoring one customer, one row at a time as the stream does, with a real booster trained on the
 * synthetic data (depth 4, {@code rounds} trees, 29 features). Run with {@code scoring/bench.sh}.
 *
 * <ul>
 *   <li>{@code predictDMatrix}: XGBoost's predict with the DMatrix built for the row, one OpenMP thread;</li>
 *   <li>{@code predictDMatrixAllThreads}: the same with the booster's default thread count;</li>
 *   <li>{@code inplacePredict}: {@code Booster.inplace_predict} (no DMatrix), one thread;</li>
 *   <li>{@code contributions}: DMatrix + {@code predictContrib} (SHAP), what the scorer called once per record
 *   before the Java path;</li>
 *   <li>{@code javaTreeWalk}: the probability from the trees walked in plain Java ({@link TreeEnsemble});</li>
 *   <li>{@code javaTreeShap}: exact TreeSHAP and the margin in plain Java, what the scorer now calls per record;</li>
 *   <li>{@code fullScore} / {@code fullScoreXgboost}: everything the scorer does per record (vector, SHAP, reasons,
 *   segment, value) with the Java engine and with the xgboost4j engine.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SingleRowScoringBenchmark {

    @Param({"300"})
    public int rounds;

    private Booster singleThreaded;
    private Booster allThreads;
    private TreeEnsemble ensemble;
    private LoadedRelease release;
    private LoadedRelease xgboostRelease;
    private CustomerScorer scorer;
    private List<CustomerFeatures> customers;
    private float[][] rows;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SyntheticChurn data = new SyntheticChurn(3000, 7);
        byte[] model;
        try (ChurnModel trained = data.train(TestReleases.ALL_FEATURES, rounds)) {
            model = trained.toBytes();
            ModelRelease releaseRecord = TestReleases.release(1, trained, 0.5, TestReleases.SEGMENTS);
            release = new ReleaseLoader(ChurnEngine.JAVA).load(releaseRecord);
            xgboostRelease = new ReleaseLoader(ChurnEngine.XGBOOST).load(releaseRecord);
        }
        singleThreaded = XGBoost.loadModel(model);
        singleThreaded.setParam("nthread", 1);
        allThreads = XGBoost.loadModel(model);
        ensemble = TreeEnsemble.fromJson(singleThreaded.toByteArray("json"));
        scorer = new CustomerScorer(ScoringSettings.defaults());
        customers = data.customers().subList(0, 256);
        FeatureVectorizer vectorizer = FeatureVectorizer.forNames(TestReleases.ALL_FEATURES);
        BgNbdModel bgNbd = BgNbdModel.of(SyntheticChurn.BG_NBD);
        rows = customers.stream().map(c -> vectorizer.vector(FeatureVectorizer.context(c, c.getAsOf(), bgNbd,
                SyntheticChurn.HORIZON_DAYS))).toArray(float[][]::new);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        singleThreaded.dispose();
        allThreads.dispose();
        release.close();
        xgboostRelease.close();
    }

    private int nextIndex() {
        next = (next + 1) & 255;
        return next;
    }

    @Benchmark
    public float predictDMatrix() throws XGBoostError {
        return predict(singleThreaded, rows[nextIndex()]);
    }

    @Benchmark
    public float predictDMatrixAllThreads() throws XGBoostError {
        return predict(allThreads, rows[nextIndex()]);
    }

    @Benchmark
    public float inplacePredict() throws XGBoostError {
        float[] row = rows[nextIndex()];
        return singleThreaded.inplace_predict(row, 1, row.length, Float.NaN)[0][0];
    }

    @Benchmark
    public float contributions() throws XGBoostError {
        float[] row = rows[nextIndex()];
        DMatrix matrix = new DMatrix(row, 1, row.length, Float.NaN);
        try {
            return singleThreaded.predictContrib(matrix, 0)[0][0];
        } finally {
            matrix.dispose();
        }
    }

    @Benchmark
    public float javaTreeWalk() {
        return ensemble.probability(rows[nextIndex()]);
    }

    @Benchmark
    public ShapValues javaTreeShap() {
        return ensemble.explain(rows[nextIndex()]);
    }

    @Benchmark
    public ScoredCustomer fullScore() {
        return scorer.score(customers.get(nextIndex()), release, null);
    }

    @Benchmark
    public ScoredCustomer fullScoreXgboost() {
        return scorer.score(customers.get(nextIndex()), xgboostRelease, null);
    }

    private static float predict(Booster booster, float[] row) throws XGBoostError {
        DMatrix matrix = new DMatrix(row, 1, row.length, Float.NaN);
        try {
            return booster.predict(matrix)[0][0];
        } finally {
            matrix.dispose();
        }
    }
}
