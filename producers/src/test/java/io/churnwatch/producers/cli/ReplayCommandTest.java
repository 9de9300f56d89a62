package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.producers.onlineretail.ProjectSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command without Kafka: dry runs, help, and exit codes. Publishing is in ReplayIntegrationTest. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        ReplayCommand command = new ReplayCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, options -> {
                    throw new AssertionError("a dry run must not create a publisher");
                });
        return command.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dryRunOfTheSampleSummarisesWithoutSending() {
        int exit = run("online-retail", ProjectSample.onlineRetailII().toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("orders sent", "dry run", "purchases", "returns", "order lines", "customers",
                "duplicate_line", "no_customer_id", "non_product_code", "bad_debt_adjustment");
        assertThat(stderr()).contains("100.0%");
    }

    @Test
    void limitStopsEarlyAndSaysSo() {
        int exit = run("synthetic", "--customers", "200", "--days", "30", "--limit", "25", "--dry-run",
                "--no-progress");

        assertThat(exit).isZero();
        assertThat(stdout()).containsPattern("orders read\\s+25\\n").contains("stopped at --limit");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void helpExplainsEveryOptionWithExamples() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--bootstrap-servers", "CHURNWATCH_BOOTSTRAP_SERVERS", "--schema-registry-url",
                "CHURNWATCH_SCHEMA_REGISTRY_URL", "--topic", "--speedup", "86400", "--limit", "--dry-run",
                "--no-progress", "--time-zone", "--customers", "--days", "--seed", "--start", "Examples:",
                "Exit codes");
    }

    @Test
    void usageErrorsExitWithTwoAndAHint() {
        assertThat(run("online-retail")).isEqualTo(2);
        assertThat(stderr()).contains("replay: online-retail needs the path").contains("Try 'churnwatch replay --help'");
    }

    @Test
    void unreadableInputExitsWithOne() throws IOException {
        Path notRetail = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");

        assertThat(run("online-retail", notRetail.toString(), "--dry-run")).isEqualTo(1);
        assertThat(stderr()).contains("not an Online Retail file");
    }
}
