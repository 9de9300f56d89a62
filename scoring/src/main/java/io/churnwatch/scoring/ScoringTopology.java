package io.churnwatch.scoring;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.schemas.Topics;
import io.churnwatch.scoring.alerts.AlertEpisodeSerde;
import io.churnwatch.scoring.alerts.AlertProcessor;
import io.churnwatch.scoring.alerts.EpisodeRules;
import io.churnwatch.scoring.release.CurrentRelease;
import io.churnwatch.scoring.release.GlobalReleaseProcessor;
import io.churnwatch.scoring.release.ReleaseLoader;
import io.churnwatch.scoring.release.ReleaseStore;
import io.churnwatch.scoring.score.CustomerScorer;
import io.churnwatch.scoring.score.ScoreProcessor;
import io.churnwatch.scoring.score.ScoredCustomer;
import io.churnwatch.scoring.segments.SegmentChangeProcessor;
import io.churnwatch.scoring.segments.SegmentMemorySerde;
import io.churnwatch.scoring.settings.GlobalSettingsProcessor;
import io.churnwatch.scoring.settings.OperatorSettings;
import io.churnwatch.scoring.treatment.HoldoutAssignment;
import io.churnwatch.scoring.treatment.HoldoutShare;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The scorer, attached to the live features stream of the main topology:
 *
 * <pre>
 * models (compacted) ─► models-store (global; key 'current')
 *                              │ booster loaded once per version, swapped without a restart
 * customer-features ─► score ──┼─► customer-scores-store + customer-scores (compacted)
 *                              ├─► alert episodes (alert-episodes-store) ─► churn-alerts
 *                              │        ▲ holdout share in force
 *                              │   churnwatch-settings (compacted) ─► operator-settings-store (global)
 *                              └─► segment memory (segment-store) ─► segment-changes
 * </pre>
 *
 * The features stream must be keyed by customer id and partitioned by it, as the main topology's is.
 */
public final class ScoringTopology {

    /** Global store of the promoted release (key {@code current}); the HTTP API reads it. */
    public static final String MODELS_STORE = ReleaseStore.NAME;
    /** customerId → latest CustomerScore; the HTTP API reads it. */
    public static final String CUSTOMER_SCORES_STORE = ScoreProcessor.STORE;
    /** customerId → alert episode state. */
    public static final String ALERT_EPISODES_STORE = AlertProcessor.STORE;
    /** Global: setting name → operator's text value (e.g. {@code holdout-share} → {@code 0.25}). */
    public static final String OPERATOR_SETTINGS_STORE = OperatorSettings.STORE;
    /** customerId → last assigned segment. */
    public static final String SEGMENT_STORE = SegmentChangeProcessor.STORE;

    private ScoringTopology() {
    }

    /**
     * The release holder the scorer will use. Create it before the features part of the topology to give that part
     * {@code new ReleaseGeneration(current)::of} as its refresh trigger (every customer re-scored by a new release),
     * then {@link #attach(StreamsBuilder, KStream, CurrentRelease, ScoringSettings, ScoringSerdes)} with it.
     */
    public static CurrentRelease currentRelease(ScoringSettings settings) {
        return new CurrentRelease(new ReleaseLoader(settings.churnEngine()));
    }

    /** Adds the scorer to {@code builder} and returns its output streams. */
    public static ScoringStreams attach(StreamsBuilder builder, KStream<String, CustomerFeatures> features,
                                        ScoringSettings settings, ScoringSerdes serdes) {
        return attach(builder, features, currentRelease(settings), settings, serdes);
    }

    /** Adds the scorer, scoring with {@code current}, to {@code builder} and returns its output streams. */
    public static ScoringStreams attach(StreamsBuilder builder, KStream<String, CustomerFeatures> features,
                                        CurrentRelease current, ScoringSettings settings, ScoringSerdes serdes) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MODELS_STORE), Serdes.String(),
                        serdes.releases()).withLoggingDisabled(),
                Topics.MODELS,
                Consumed.with(Serdes.String(), serdes.releases()).withName("models-source"),
                () -> new GlobalReleaseProcessor(current));

        // A handful of short strings: kept in memory (re-read from the compacted topic at start), no RocksDB.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPERATOR_SETTINGS_STORE), Serdes.String(),
                        Serdes.String()).withLoggingDisabled(),
                Topics.SETTINGS,
                Consumed.with(Serdes.String(), Serdes.String()).withName("operator-settings-source"),
                GlobalSettingsProcessor::new);

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_SCORES_STORE),
                Serdes.String(), serdes.scores()).withCachingEnabled());
        CustomerScorer scorer = new CustomerScorer(settings);
        KStream<String, ScoredCustomer> scored = features.process(() -> new ScoreProcessor(current, scorer),
                Named.as("score-customer"), CUSTOMER_SCORES_STORE);

        KStream<String, CustomerScore> scores = scored.mapValues(ScoredCustomer::score, Named.as("score-values"));
        scores.to(Topics.CUSTOMER_SCORES, Produced.with(Serdes.String(), serdes.scores())
                .withName("customer-scores-sink"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERT_EPISODES_STORE),
                Serdes.String(), new AlertEpisodeSerde()).withCachingEnabled());
        EpisodeRules rules = new EpisodeRules(settings.alertHysteresis(), settings.alertCooldown());
        HoldoutAssignment holdout = new HoldoutAssignment(settings.holdoutShare(), settings.holdoutSalt());
        HoldoutShare holdoutShare = new HoldoutShare(settings.holdoutShare());
        KStream<String, ChurnAlert> alerts = scored.process(() -> new AlertProcessor(rules, holdout, holdoutShare),
                Named.as("churn-alert-episodes"), ALERT_EPISODES_STORE);
        alerts.to(Topics.CHURN_ALERTS, Produced.with(Serdes.String(), serdes.alerts()).withName("churn-alerts-sink"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEGMENT_STORE),
                Serdes.String(), new SegmentMemorySerde()).withCachingEnabled());
        KStream<String, SegmentChange> changes = scored.process(SegmentChangeProcessor::new,
                Named.as("segment-change-detection"), SEGMENT_STORE);
        changes.to(Topics.SEGMENT_CHANGES, Produced.with(Serdes.String(), serdes.segmentChanges())
                .withName("segment-changes-sink"));

        return new ScoringStreams(scores, alerts, changes);
    }

    /** What the scorer emits, for callers that want to add metrics or further steps. */
    public record ScoringStreams(KStream<String, CustomerScore> scores, KStream<String, ChurnAlert> alerts,
                                 KStream<String, SegmentChange> segmentChanges) {
    }
}
