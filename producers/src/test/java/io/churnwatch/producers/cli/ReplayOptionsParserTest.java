package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayOptionsParserTest {

    @TempDir
    Path dir;

    private ReplayOptions parse(Map<String, String> env, String... args) throws UsageException {
        return new ReplayOptionsParser(env).parse(args).orElseThrow();
    }

    private ReplayOptions parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), "customer_id,order_id,timestamp,amount\n");
    }

    @Test
    void usesDocumentedDefaults() throws Exception {
        ReplayOptions options = parse("synthetic");

        assertThat(options.source()).isEqualTo(SourceKind.SYNTHETIC);
        assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(options.topic()).isEqualTo("orders");
        assertThat(options.speedup()).isNull();
        assertThat(options.limit()).isNull();
        assertThat(options.dryRun()).isFalse();
        assertThat(options.customers()).isEqualTo(10_000);
        assertThat(options.days()).isEqualTo(365);
        assertThat(options.seed()).isEqualTo(42);
    }

    @Test
    void takesConnectionSettingsFromTheEnvironmentUnlessGivenOnTheCommandLine() throws Exception {
        Map<String, String> env = Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "CHURNWATCH_SCHEMA_REGISTRY_URL", "http://registry:8081");

        assertThat(parse(env, "synthetic").bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(parse(env, "synthetic").schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(parse(env, "synthetic", "--bootstrap-servers", "cli:9092").bootstrapServers())
                .isEqualTo("cli:9092");
    }

    @Test
    void acceptsOptionsAnywhereInBothForms() throws Exception {
        Path file = csv();
        ReplayOptions options = parse("--dry-run", "replay", "csv", file.toString(), "--speedup=86400",
                "--limit", "1_000", "--topic", "orders-test", "--time-zone", "Europe/London", "--no-progress",
                "--schema-registry-url=mock://t");

        assertThat(options.source()).isEqualTo(SourceKind.CSV);
        assertThat(options.path()).isEqualTo(file);
        assertThat(options.dryRun()).isTrue();
        assertThat(options.progress()).isFalse();
        assertThat(options.speedup()).isEqualTo(86400.0);
        assertThat(options.limit()).isEqualTo(1000L);
        assertThat(options.topic()).isEqualTo("orders-test");
        assertThat(options.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(options.schemaRegistryUrl()).isEqualTo("mock://t");
    }

    @Test
    void readsSyntheticSettings() throws Exception {
        ReplayOptions options = parse("synthetic", "--customers", "1000000", "--days", "730", "--seed", "-3",
                "--start", "2022-02-01");

        assertThat(options.syntheticConfig().customers()).isEqualTo(1_000_000);
        assertThat(options.syntheticConfig().days()).isEqualTo(730);
        assertThat(options.syntheticConfig().seed()).isEqualTo(-3);
        assertThat(options.syntheticConfig().start()).isEqualTo(LocalDate.of(2022, 2, 1));
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertThat(new ReplayOptionsParser(Map.of()).parse(new String[] {"csv", "--bogus", "--help"})).isEmpty();
        assertThat(new ReplayOptionsParser(Map.of()).parse(new String[] {"-h"})).isEmpty();
    }

    @Test
    void explainsUsageErrors() throws Exception {
        Path file = csv();
        assertUsage("say what to replay");
        assertUsage("unknown source 'kafka'", "kafka");
        assertUsage("online-retail needs the path", "online-retail");
        assertUsage("no such file: " + dir.resolve("nope.csv"), "csv", dir.resolve("nope.csv").toString());
        assertUsage("unknown option --colour", "synthetic", "--colour", "red");
        assertUsage("--limit needs a value", "synthetic", "--limit");
        assertUsage("--limit must be a whole number from 1", "synthetic", "--limit", "0");
        assertUsage("--speedup must be a positive number, got 'fast'", "synthetic", "--speedup", "fast");
        assertUsage("--customers only applies to synthetic", "csv", file.toString(), "--customers", "5");
        assertUsage("--time-zone only applies to csv", "synthetic", "--time-zone", "UTC");
        assertUsage("--time-zone must be a zone id", "csv", file.toString(), "--time-zone", "Mars/Olympus");
        assertUsage("--start must be a date like 2024-01-01", "synthetic", "--start", "01/02/2024");
        assertUsage("--schema-registry-url must start with http://", "synthetic", "--schema-registry-url", "r:8081");
        assertUsage("--dry-run takes no value", "synthetic", "--dry-run=yes");
        assertUsage("unexpected argument 'extra'", "synthetic", "extra");
    }

    private void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> new ReplayOptionsParser(Map.of()).parse(args))
                .isInstanceOf(UsageException.class).hasMessageContaining(message);
    }
}
