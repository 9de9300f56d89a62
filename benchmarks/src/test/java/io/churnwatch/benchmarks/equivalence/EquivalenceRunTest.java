package io.churnwatch.benchmarks.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.testing.SnapshotComparison;

/** The report's run on a slice of the project's real-data sample: the same path as on the full data. */
class EquivalenceRunTest {

    private static final Path SAMPLE = Path.of("..", "data", "sample", "online_retail_II_sample.csv.gz");

    @TempDir
    Path temp;

    @Test
    void everySnapshotOfARealSliceMatchesTheBatchAndIsWrittenToTheFile() throws IOException {
        Path slice = slice(12_000);
        Path file = temp.resolve("snapshots.avro");
        EquivalenceRun.Result result = EquivalenceRun.run(
                new EquivalenceRun.Options(slice, Optional.of(file), OptionalLong.of(3L), true),
                TopologySettings.defaults());

        SnapshotComparison.Result comparison = result.comparison().orElseThrow();
        assertThat(comparison.firstMismatches()).isEmpty();
        assertThat(comparison.compared()).isEqualTo(result.snapshots()).isGreaterThan(500);
        assertThat(result.horizonInstants()).isPositive();
        assertThat(result.arrivals()).isGreaterThan(result.events());
        assertThat(result.late()).isZero();

        List<FeatureSnapshot> written = SnapshotFile.readAll(file);
        assertThat(written).hasSize((int) result.snapshots());
        assertThat(written).extracting(s -> s.getCutoff().toString()).contains("2010-02-01T00:00:00Z");
    }

    @Test
    void theComparisonCatchesASnapshotThatIsOffByOneOrder() throws IOException {
        Path slice = slice(6_000);
        Path file = temp.resolve("snapshots.avro");
        EquivalenceRun.run(new EquivalenceRun.Options(slice, Optional.of(file), OptionalLong.empty(), false),
                TopologySettings.defaults());
        List<OrderEvent> events = OnlineRetailReader.readAll(slice).events();
        List<FeatureSnapshot> snapshots = new ArrayList<>(SnapshotFile.readAll(file));
        List<Long> instants = snapshots.stream().map(s -> s.getCutoff().toEpochMilli()).distinct().sorted().toList();
        assertThat(SnapshotComparison.compareAll(events, snapshots, instants).mismatchCount()).isZero();

        FeatureSnapshot wrong = FeatureSnapshot.newBuilder(snapshots.get(snapshots.size() / 2)).build();
        wrong.getFeatures().setOrders(wrong.getFeatures().getOrders() + 1);
        snapshots.set(snapshots.size() / 2, wrong);
        SnapshotComparison.Result result = SnapshotComparison.compareAll(events, snapshots, instants);
        assertThat(result.mismatchCount()).isEqualTo(1);
        assertThat(result.firstMismatches().get(0).field()).isEqualTo("orders");
    }

    /** The header and the first {@code lines} rows of the sample, as a plain CSV. */
    private Path slice(int lines) throws IOException {
        Path slice = temp.resolve("slice.csv");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SAMPLE)), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(slice, StandardCharsets.UTF_8)) {
            for (int i = 0; i <= lines; i++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                out.write(line);
                out.write('\n');
            }
        }
        return slice;
    }
}
