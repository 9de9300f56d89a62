package io.churnwatch.cli.deploy;

import io.churnwatch.cli.Churnwatch;
import io.churnwatch.producers.cli.ReplayOptions;
import io.churnwatch.registry.RegistryConfig;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.config.ServingSetting;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.trainer.config.TrainerConfig;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables the application really reads, per command a container runs, collected at test time
 * by handing each configuration class an environment that records every variable it looks up. A setting added
 * to, renamed in or removed from the code is known here at once, without a list to keep in step.
 */
final class KnownSettings {

    /** What a churnwatch container runs: the first word of its command. */
    enum Role {
        SERVE, TRAIN, REPLAY;

        static Role of(String command) {
            try {
                return valueOf(command.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no known role for the command '" + command + "'");
            }
        }
    }

    private KnownSettings() {
    }

    /** Every variable the command reads. A serving node reads the registry's only when it embeds one. */
    static Set<String> read(Role role, boolean embeddedRegistry) {
        RecordingEnvironment env = new RecordingEnvironment();
        env.get(Churnwatch.ENV_LOG_LEVEL);
        switch (role) {
            case SERVE -> {
                StreamsAppConfig.from(env);
                ServingConfig.from(env);
                ScoringSettings.from(env);
                if (embeddedRegistry) {
                    RegistryConfig.fromEnvironment(env);
                }
            }
            case TRAIN -> TrainerConfig.from(env, Map.of());
            case REPLAY -> {
                env.get(ReplayOptions.ENV_BOOTSTRAP_SERVERS);
                env.get(ReplayOptions.ENV_SCHEMA_REGISTRY_URL);
            }
        }
        return env.readKeys();
    }

    /** Every variable any command reads: what an image may set for all of them. */
    static Set<String> readByAnyRole() {
        Set<String> all = new TreeSet<>();
        for (Role role : Role.values()) {
            all.addAll(read(role, true));
        }
        return all;
    }

    /**
     * Parses the values as the command would at start.
     *
     * @throws IllegalArgumentException naming the variable when a value is malformed
     */
    static void validate(Role role, Map<String, String> env) {
        switch (role) {
            case SERVE -> {
                StreamsAppConfig.from(env);
                ServingConfig.from(env);
                ScoringSettings.from(env);
            }
            case TRAIN -> TrainerConfig.from(env, Map.of());
            case REPLAY -> {
                // plain strings: nothing to parse before the replay connects
            }
        }
    }

    static boolean embedsRegistry(Map<String, String> env) {
        return Boolean.parseBoolean(env.getOrDefault(ServingSetting.EMBEDDED_REGISTRY.envVar(), "false").trim());
    }

    /** An empty environment that remembers which variables were asked for. */
    private static final class RecordingEnvironment extends AbstractMap<String, String> {

        private final Set<String> read = new TreeSet<>();

        @Override
        public String get(Object key) {
            read.add(String.valueOf(key));
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            read.add(String.valueOf(key));
            return false;
        }

        @Override
        public String getOrDefault(Object key, String defaultValue) {
            read.add(String.valueOf(key));
            return defaultValue;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }

        Set<String> readKeys() {
            return new TreeSet<>(read);
        }
    }
}
