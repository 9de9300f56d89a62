package io.churnwatch.scoring.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.scoring.fixtures.Reference;
import io.churnwatch.scoring.fixtures.SyntheticChurn;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.value.BgNbdModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One churn model shared by several stream threads, on either engine: same answers as one thread, and safe to retire
 * while in use.
 */
class LoadedReleaseConcurrencyTest {

    private static final int THREADS = 4;
    private static List<float[]> rows;
    private static ExecutorService pool;

    @BeforeAll
    static void rows() {
        FeatureVectorizer vectorizer = FeatureVectorizer.forNames(TestReleases.ALL_FEATURES);
        BgNbdModel bgNbd = BgNbdModel.of(SyntheticChurn.BG_NBD);
        rows = new ArrayList<>();
        for (CustomerFeatures customer : TestReleases.data().customers().subList(0, 200)) {
            rows.add(vectorizer.vector(FeatureVectorizer.context(customer, customer.getAsOf(), bgNbd, 90)));
        }
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(ChurnEngine.class)
    void contributionsAreTheSameFromManyThreadsAsFromOne(ChurnEngine engine) throws Exception {
        try (LoadedRelease release = new ReleaseLoader(engine).load(TestReleases.first(0.5))) {
            List<float[]> sequential = contributions(release);
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> contributions(release)));
            }
            for (Future<List<float[]>> future : futures) {
                List<float[]> parallel = future.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(Arrays.equals(parallel.get(i), sequential.get(i))).as("row %d", i).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ChurnEngine.class)
    void theProbabilityIsXgboostsPrediction(ChurnEngine engine) {
        try (LoadedRelease release = new ReleaseLoader(engine).load(TestReleases.first(0.5))) {
            for (CustomerFeatures customer : TestReleases.data().customers().subList(0, 200)) {
                float[] row = release.vectorizer().vector(FeatureVectorizer.context(customer, customer.getAsOf(),
                        release.valueModel().purchases(), release.churnHorizonDays()));
                assertThat(release.explain(row).probability())
                        .isCloseTo(Reference.probability(TestReleases.firstModel(), customer), within(1e-6));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ChurnEngine.class)
    void aReleaseClosedWhileThreadsPredictTellsThemItRetiredAndNothingWorse(ChurnEngine engine) throws Exception {
        LoadedRelease release = new ReleaseLoader(engine).load(TestReleases.first(0.5));
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retired = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                // Bounded, so a worker that never sees the retirement still stops (and the test then fails).
                for (int call = 0; call < 500_000; call++) {
                    float[] row = rows.get(call % rows.size());
                    try {
                        assertThat(release.explain(row).contributions()).hasSize(row.length + 1);
                        answered.incrementAndGet();
                    } catch (ReleaseRetiredException e) {
                        retired.incrementAndGet();
                        return;
                    }
                }
            }));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() > 100);
        release.close();
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }

        assertThat(retired.get()).isEqualTo(THREADS);
        assertThatThrownBy(() -> release.explain(rows.get(0))).isInstanceOf(ReleaseRetiredException.class);
    }

    private static List<float[]> contributions(LoadedRelease release) {
        return rows.stream().map(row -> release.explain(row).contributions()).toList();
    }
}
