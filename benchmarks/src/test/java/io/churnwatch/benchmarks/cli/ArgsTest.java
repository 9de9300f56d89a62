package io.churnwatch.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.churnwatch.benchmarks.throughput.ThroughputOptions;
import io.churnwatch.benchmarks.throughput.TopologyVariant;

class ArgsTest {

    @Test
    void valuesFlagsAndInlineValuesAreRead() {
        Args args = Args.parse(new String[] {"--input", "a.csv", "--shuffle=7", "--no-compare"},
                Set.of("--input", "--shuffle"), Set.of("--no-compare", "--help"));
        assertThat(args.value("--input")).contains("a.csv");
        assertThat(args.get("--shuffle", 0L, Long::parseLong)).isEqualTo(7L);
        assertThat(args.has("--no-compare")).isTrue();
        assertThat(args.has("--help")).isFalse();
    }

    @Test
    void typosAndMissingOrBadValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> Args.parse(new String[] {"--inptu", "a"}, Set.of("--input"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--inptu");
        assertThatThrownBy(() -> Args.parse(new String[] {"--input"}, Set.of("--input"), Set.of()))
                .hasMessageContaining("--input needs a value");
        Args args = Args.parse(new String[] {"--orders", "many"}, ThroughputOptions.WITH_VALUE, ThroughputOptions.FLAGS);
        assertThatThrownBy(() -> ThroughputOptions.parse(args)).hasMessageContaining("--orders 'many'");
    }

    @Test
    void throughputDefaultsAreTheDocumentedOnes() {
        ThroughputOptions options = ThroughputOptions.parse(Args.parse(new String[0], ThroughputOptions.WITH_VALUE,
                ThroughputOptions.FLAGS));
        assertThat(options.customerScales()).containsExactly(10_000L, 100_000L, 1_000_000L);
        assertThat(options.orders()).isEqualTo(ThroughputOptions.DEFAULT_ORDERS);
        assertThat(options.variants()).containsExactly(TopologyVariant.FULL, TopologyVariant.ORDERS_ONLY);
        assertThat(options.embeddedRegistry()).isTrue();
        ThroughputOptions custom = ThroughputOptions.parse(Args.parse(
                new String[] {"--customers", "500,2000", "--variants", "orders-only", "--registry", "mock"},
                ThroughputOptions.WITH_VALUE, ThroughputOptions.FLAGS));
        assertThat(custom.customerScales()).isEqualTo(List.of(500L, 2000L));
        assertThat(custom.variants()).containsExactly(TopologyVariant.ORDERS_ONLY);
        assertThat(custom.embeddedRegistry()).isFalse();
    }
}
