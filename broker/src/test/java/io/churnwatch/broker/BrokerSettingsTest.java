package io.churnwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsLiveUnderTheWorkingDirectory() {
        BrokerSettings settings = BrokerSettings.fromEnvironment(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data/runtime/kafka").toAbsolutePath());
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.heap()).isEqualTo("512m");
    }

    @Test
    void environmentOverridesTheDefaults() {
        BrokerSettings settings = BrokerSettings.fromEnvironment(Map.of(
                "CHURNWATCH_DATA_DIR", "/srv/churn",
                "CHURNWATCH_KAFKA_PORT", "19092",
                "CHURNWATCH_KAFKA_CONTROLLER_PORT", "19093",
                "CHURNWATCH_KAFKA_HEAP", "1g"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/churn/kafka"));
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.heap()).isEqualTo("1g");
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> BrokerSettings.fromEnvironment(Map.of("CHURNWATCH_KAFKA_PORT", "nine")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHURNWATCH_KAFKA_PORT");
        assertThatThrownBy(() -> BrokerSettings.defaults(Path.of("d")).withClientPort(70000))
                .hasMessageContaining("client port");
        assertThatThrownBy(() -> BrokerSettings.defaults(Path.of("d")).withClientPort(9093))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> BrokerSettings.defaults(Path.of("d")).withHeap("lots"))
                .hasMessageContaining("heap");
    }
}
