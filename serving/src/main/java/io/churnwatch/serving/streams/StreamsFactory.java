package io.churnwatch.serving.streams;

import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.scoring.ScoringSerdes;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.ScoringTopology;
import io.churnwatch.scoring.release.CurrentRelease;
import io.churnwatch.scoring.release.ReleaseGeneration;
import io.churnwatch.serving.config.ConfigSource;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The topology this node runs: the streams app's, with the scorer attached to its live features. When
 * {@link ChurnwatchTopology#build} itself comes with the scorer, it is used as it is.
 */
@Factory
public class StreamsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsFactory.class);

    /** The embedded registry when this node runs one, else the configured URL. */
    @Singleton
    RegistryUrl registryUrl(StreamsAppConfig config, @Nullable EmbeddedSchemaRegistry embeddedRegistry) {
        String url = embeddedRegistry != null ? embeddedRegistry.url() : config.schemaRegistryUrl();
        LOG.info("Schema registry: {}", url);
        return new RegistryUrl(url);
    }

    @Singleton
    ChurnwatchSerdes serdes(RegistryUrl registry) {
        return ChurnwatchSerdes.forRegistryUrl(registry.url());
    }

    @Singleton
    ScoringSettings scoringSettings(Environment environment) {
        Map<String, String> env = ConfigSource.effectiveEnvironment(environment);
        for (io.churnwatch.scoring.ScoringSetting setting : io.churnwatch.scoring.ScoringSetting.values()) {
            environment.getProperty(ConfigSource.propertyOf(setting.name()), String.class)
                    .ifPresent(value -> env.put(setting.envVar(), value));
        }
        return ScoringSettings.from(env);
    }

    @Singleton
    Topology topology(StreamsAppConfig config, ChurnwatchSerdes serdes, ScoringSettings scoring) {
        Topology topology = ChurnwatchTopology.build(config.topology(), serdes);
        if (TopologyStores.of(topology).contains(ScoringTopology.CUSTOMER_SCORES_STORE)) {
            return topology;
        }
        StreamsBuilder builder = new StreamsBuilder();
        // The features part re-emits every customer when the scorer installs a new release, so all are re-scored.
        CurrentRelease current = ScoringTopology.currentRelease(scoring);
        KStream<String, CustomerFeatures> features = ChurnwatchTopology.buildFeatures(builder, config.topology(), serdes,
                new ReleaseGeneration(current)::of);
        ScoringTopology.attach(builder, features, current, scoring, ScoringSerdes.using(serdes.registry()));
        Topology withScorer = builder.build();
        LOG.debug("Topology:\n{}", withScorer.describe());
        return withScorer;
    }

    @Singleton
    TopologyStores topologyStores(Topology topology) {
        return TopologyStores.of(topology);
    }
}
