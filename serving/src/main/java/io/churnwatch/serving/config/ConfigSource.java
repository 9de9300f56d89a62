package io.churnwatch.serving.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.churnwatch.streams.config.Setting;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * One configuration system for the whole node: the streams app's typed {@link StreamsAppConfig} and the node's
 * {@link ServingConfig}, both read from {@code CHURNWATCH_*} environment variables with their documented
 * defaults. Micronaut properties named like the variables ({@code CHURNWATCH_STATE_DIR} ↔
 * {@code churnwatch.state-dir}) override them, so application.yml, system properties and tests that start
 * several nodes in one JVM can set them too.
 */
@Factory
public class ConfigSource {

    /** {@code STATE_DIR} → {@code churnwatch.state-dir}. */
    public static String propertyOf(String settingName) {
        return "churnwatch." + settingName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment, with every setting that Micronaut knows as a property laid over it. */
    public static Map<String, String> effectiveEnvironment(Environment environment) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (Setting setting : Setting.values()) {
            environment.getProperty(propertyOf(setting.name()), String.class)
                    .ifPresent(value -> env.put(setting.envVar(), value));
        }
        for (ServingSetting setting : ServingSetting.values()) {
            environment.getProperty(setting.property(), String.class)
                    .ifPresent(value -> env.put(setting.envVar(), value));
        }
        return env;
    }

    @Singleton
    StreamsAppConfig streamsAppConfig(Environment environment) {
        return StreamsAppConfig.from(effectiveEnvironment(environment));
    }

    @Singleton
    ServingConfig servingConfig(Environment environment) {
        return ServingConfig.from(effectiveEnvironment(environment));
    }
}
