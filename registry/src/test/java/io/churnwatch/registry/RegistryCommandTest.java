package io.churnwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryCommandTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        RegistryConfig config = RegistryCommand.parse(new String[0], Map.of());
        assertThat(config).isEqualTo(RegistryConfig.defaults());
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.topic()).isEqualTo("_schemas");
    }

    @Test
    void environmentOverridesDefaultsAndTheCommandLineOverridesTheEnvironment() {
        Map<String, String> env = Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", "env:9092", "CHURNWATCH_REGISTRY_PORT", "18081",
                "CHURNWATCH_REGISTRY_COMPATIBILITY", "full");
        RegistryConfig fromEnv = RegistryCommand.parse(new String[0], env);
        assertThat(fromEnv.bootstrapServers()).isEqualTo("env:9092");
        assertThat(fromEnv.port()).isEqualTo(18081);
        assertThat(fromEnv.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL);

        RegistryConfig fromArgs = RegistryCommand.parse(
                new String[] {"--bootstrap-servers", "cli:9092", "--port=0", "--topic", "_other"}, env);
        assertThat(fromArgs.bootstrapServers()).isEqualTo("cli:9092");
        assertThat(fromArgs.port()).isZero();
        assertThat(fromArgs.topic()).isEqualTo("_other");
    }

    @Test
    void explainsBadCommandLines() {
        assertThatThrownBy(() -> RegistryCommand.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> RegistryCommand.parse(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> RegistryCommand.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessageContaining("unknown option '--colour'");
        assertThatThrownBy(() -> RegistryCommand.parse(new String[] {"--compatibility", "SOMETIMES"}, Map.of()))
                .hasMessageContaining("BACKWARD_TRANSITIVE");
        assertThatThrownBy(() -> RegistryCommand.parse(new String[0], Map.of("CHURNWATCH_REGISTRY_PORT", "x")))
                .hasMessageContaining("CHURNWATCH_REGISTRY_PORT must be an integer");
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertThat(RegistryCommand.wantsHelp(new String[] {"--port", "1", "--help"})).isTrue();
        assertThat(RegistryCommand.wantsHelp(new String[] {"--port", "1"})).isFalse();
        assertThat(RegistryCommand.USAGE).contains("--bootstrap-servers").contains("CHURNWATCH_REGISTRY_PORT");
    }
}
