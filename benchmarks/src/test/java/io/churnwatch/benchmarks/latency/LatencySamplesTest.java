package io.churnwatch.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        LatencySamples samples = new LatencySamples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i * 1_000L);
        }
        LatencySamples.Summary all = samples.summary();
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.p50()).isEqualTo(50.0);
        assertThat(all.p90()).isEqualTo(90.0);
        assertThat(all.p99()).isEqualTo(99.0);
        assertThat(all.p999()).isEqualTo(100.0);
        assertThat(all.max()).isEqualTo(100.0);
    }

    @Test
    void aSummarySinceAnIndexCoversOnlyLaterSamples() {
        LatencySamples samples = new LatencySamples();
        samples.add(500_000);
        int mark = samples.size();
        samples.add(2_000);
        samples.add(4_000);

        assertThat(samples.summarySince(mark).count()).isEqualTo(2);
        assertThat(samples.summarySince(mark).max()).isEqualTo(4.0);
        assertThat(samples.summarySince(samples.size()).count()).isZero();
        assertThat(samples.summarySince(samples.size()).p50()).isNaN();
    }
}
