package io.churnwatch.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.churnwatch.benchmarks.cli.Args;

/**
 * The whole harness on a real broker at a very low rate for a few seconds: a release trained on the project
 * sample, the serving node's topology with exactly-once, the paced load and the read_committed reader. Every
 * measured order's score is read and matched, and first purchases raise alerts with the trained release. No
 * timing is asserted.
 */
class AlertLatencyHarnessTest {

    @TempDir
    Path temp;

    @Test
    void everyMeasuredOrderIsScoredAndFirstPurchasesAlert() throws Exception {
        LatencyOptions options = LatencyOptions.parse(Args.parse(new String[] {"--rate", "40", "--warmup", "2",
                "--duration", "4", "--partitions", "2", "--broker-heap", "512m", "--work-dir", temp.toString()},
                LatencyOptions.WITH_VALUE, LatencyOptions.FLAGS));

        LatencyResult result = LatencyRun.run(options, Map.of());

        assertThat(result.settings()).containsEntry("processing guarantee", "exactly_once_v2")
                .containsEntry("reorder grace", "0 ms").containsEntry("timer mode", "wall-clock");
        long measured = result.load().measuredOrders();
        assertThat(measured).as("about 4 s at 40/s").isBetween(120L, 200L);
        assertThat(result.complete()).isTrue();
        assertThat(result.toScore().count()).as("one score read per measured order").isEqualTo(measured);
        assertThat(result.scoresUnmatched()).isZero();
        assertThat(result.alertsUnmatched()).isZero();
        assertThat(result.toAlert().count()).isPositive().isLessThanOrEqualTo(measured);
        assertThat(result.alertsByRole().get(LiveOrderMix.Role.FIRST_PURCHASE))
                .as("a first purchase is a likely churner for the release trained on the sample")
                .isPositive();
        assertThat(result.toScore().p50()).isPositive();
        assertThat(result.toAlert().p50()).isPositive();
    }
}
