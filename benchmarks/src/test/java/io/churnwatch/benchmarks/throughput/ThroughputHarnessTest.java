package io.churnwatch.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.churnwatch.producers.synthetic.SyntheticConfig;

/**
 * The benchmark's parts on a real broker with a small data set: every order published is read by the baselines
 * and processed by the topology, and the store measurements see every customer. No timing is asserted.
 */
class ThroughputHarnessTest {

    @TempDir
    Path temp;

    @Test
    void aSmallSyntheticRunIsCountedCompletelyAndItsStateMeasured() throws Exception {
        SyntheticConfig config = SyntheticWorkload.config(300, 4_000, 7);
        assertThat(config.customers()).isEqualTo(300);
        try (BenchmarkCluster cluster = BenchmarkCluster.start(temp, true, 2, "512m")) {
            OrderLoad.Loaded loaded = OrderLoad.publish(SyntheticWorkload.source(config), cluster.bootstrapServers(),
                    cluster.registryUrl());
            assertThat((double) loaded.orders()).as("orders near the target").isCloseTo(4_000, within(1_200.0));
            assertThat(loaded.customers()).isEqualTo(300);

            BaselineDrain.Drained bytes = BaselineDrain.drain(cluster.bootstrapServers(), cluster.registryUrl(),
                    loaded.orders(), false);
            BaselineDrain.Drained decoded = BaselineDrain.drain(cluster.bootstrapServers(), cluster.registryUrl(),
                    loaded.orders(), true);
            assertThat(bytes.records()).isEqualTo(loaded.orders());
            assertThat(decoded.lines()).isEqualTo(loaded.lines());

            TopologyRun.Measured full = TopologyRun.run(cluster, TopologyVariant.FULL, 2);
            assertThat(full.guarantee()).isEqualTo("exactly_once_v2");
            assertThat(full.logical().customers()).isEqualTo(300);
            assertThat(full.logical().valueBytes()).isGreaterThan(300L * 20);
            assertThat(full.physical().liveDataEstimate()).isPositive();
            assertThat(full.physical().sstBytes()).isPositive();
            assertThat(full.snapshots()).isPositive();
            assertThat(full.late()).isZero();

            TopologyRun.Measured ordersOnly = TopologyRun.run(cluster, TopologyVariant.ORDERS_ONLY, 2);
            assertThat(ordersOnly.logical().customers()).isEqualTo(300);
            assertThat(ordersOnly.snapshots()).isZero();
            assertThat(ordersOnly.timersFired()).isZero();
        }
    }
}
