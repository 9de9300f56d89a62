package io.churnwatch.streams;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.dedup.DedupProcessor;
import io.churnwatch.streams.dedup.DedupSettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.CustomerStateSerde;
import io.churnwatch.streams.features.FeatureOutput;
import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.refresh.RefreshTrigger;
import io.churnwatch.streams.validation.ValidationProcessor;
import io.churnwatch.streams.validation.Validated;

/**
 * The churnwatch topology, as small static builders over one {@link StreamsBuilder} so that the app, the
 * serving module and the tests assemble exactly the same thing:
 *
 * <pre>
 * orders (bytes) ─► validate ─┬─► orders-dlq (original bytes + dlq.* headers)
 *                             ├─► keyed and partitioned by customer already ──────────┐
 *                             └─► the others: re-key by customer ─► repartition ──────┴─► de-duplicate
 *                                   ─► customer state ─┬─► customer-features (compacted) ◄── the scorer attaches here
 *                                                      └─► feature-snapshots (compacted)
 * </pre>
 *
 * <p>The repartition topic has as many partitions as {@code orders}, and an order skips it only when it already
 * sits in the partition the repartition would send it to, so both paths meet in the same task, one customer's
 * orders always in one place. Producers keying by customer id with Kafka's default partitioner (every Java
 * producer) save every order a write, a read and a commit interval of latency.
 */
public final class ChurnwatchTopology {

    /** Name of the repartition step; its topic is {@code <application.id>-orders-by-customer-repartition}. */
    public static final String REPARTITION_NAME = "orders-by-customer";

    private ChurnwatchTopology() {
    }

    /** The whole topology of the streams app. */
    public static Topology build(TopologySettings settings, ChurnwatchSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        buildFeatures(builder, settings, serdes);
        return builder.build();
    }

    /**
     * Adds everything from {@code orders} to {@code customer-features} and {@code feature-snapshots}, and
     * returns the stream of live features so that a scorer can attach to it in the same topology.
     */
    public static KStream<String, CustomerFeatures> buildFeatures(StreamsBuilder builder, TopologySettings settings,
                                                                  ChurnwatchSerdes serdes) {
        return buildFeatures(builder, settings, serdes, RefreshTrigger.NONE);
    }

    /** As above, with every customer's features emitted again whenever {@code refresh} moves on. */
    public static KStream<String, CustomerFeatures> buildFeatures(StreamsBuilder builder, TopologySettings settings,
                                                                  ChurnwatchSerdes serdes, RefreshTrigger refresh) {
        KStream<String, Validated.Accepted> valid = buildIngest(builder, settings, serdes);
        KStream<String, OrderEvent> byCustomer = buildPlacement(valid, serdes);
        KStream<String, OrderEvent> unique = buildDeduplication(builder, byCustomer, settings.dedup());
        KStream<String, FeatureOutput> outputs = buildCustomerState(builder, unique, settings.features(), serdes,
                refresh);
        return buildOutputs(outputs, serdes);
    }

    /**
     * Reads {@code orders} as bytes, so no record can fail deserialization in the consumer; dead-letters what
     * does not decode or validate, and returns valid orders keyed by customer id, timestamped by event time.
     */
    public static KStream<String, Validated.Accepted> buildIngest(StreamsBuilder builder, TopologySettings settings,
                                                                  ChurnwatchSerdes serdes) {
        KStream<String, Validated> validated = builder
                .stream(Topics.ORDERS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("orders-source"))
                .process(() -> new ValidationProcessor(serdes.orderDeserializer(), settings.validation(),
                        settings.partitioning()), Named.as("validate"));
        Map<String, KStream<String, Validated>> branches = validated.split(Named.as("validation-"))
                .branch((key, value) -> value instanceof Validated.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        branches.get("validation-rejected")
                .mapValues(value -> ((Validated.Rejected) value).originalValue(), Named.as("original-bytes"))
                .to(Topics.ORDERS_DLQ, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dlq-sink"));
        return branches.get("validation-accepted")
                .mapValues(value -> (Validated.Accepted) value, Named.as("accepted-orders"));
    }

    /** Brings every order to the task of its customer: through the repartition topic unless already there. */
    public static KStream<String, OrderEvent> buildPlacement(KStream<String, Validated.Accepted> valid,
                                                             ChurnwatchSerdes serdes) {
        Map<String, KStream<String, Validated.Accepted>> branches = valid.split(Named.as("placement-"))
                .branch((key, value) -> value.alreadyPlaced(), Branched.as("in-place"))
                .defaultBranch(Branched.as("elsewhere"));
        KStream<String, OrderEvent> moved = branches.get("placement-elsewhere")
                .mapValues(Validated.Accepted::order, Named.as("orders-to-move"))
                .repartition(Repartitioned.<String, OrderEvent>as(REPARTITION_NAME)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.orders()));
        return branches.get("placement-in-place")
                .mapValues(Validated.Accepted::order, Named.as("orders-in-place"))
                .merge(moved, Named.as("orders-by-customer"));
    }

    /** Drops repeated order ids; expects orders already partitioned by customer id. */
    public static KStream<String, OrderEvent> buildDeduplication(StreamsBuilder builder,
                                                                 KStream<String, OrderEvent> orders,
                                                                 DedupSettings settings) {
        // No record cache: every order id is written once, so a cache would only add work.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(DedupProcessor.SEEN_STORE,
                settings.retention(), settings.retention(), false), Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        return orders.process(() -> new DedupProcessor(settings), Named.as("deduplicate"),
                DedupProcessor.SEEN_STORE);
    }

    /** Customer state, reorder buffer, inactivity timers and snapshots; emits features and snapshots. */
    public static KStream<String, FeatureOutput> buildCustomerState(StreamsBuilder builder,
                                                                    KStream<String, OrderEvent> orders,
                                                                    FeatureSettings settings, ChurnwatchSerdes serdes,
                                                                    RefreshTrigger refresh) {
        // The record cache pays where one key is written many times per commit: a customer's state, the task's
        // progress, and a buffered order that is put and removed again (only the removal reaches the changelog).
        // Timer keys carry their due time, so each is written once, and a cache would only add work.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CustomerFeaturesProcessor.STATE_STORE), Serdes.String(),
                new CustomerStateSerde()).withCachingEnabled());
        // The reorder buffer holds the last grace period of orders only: it lives in memory, its changelog keeps it.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CustomerFeaturesProcessor.BUFFER_STORE), Serdes.Bytes(),
                serdes.orders()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CustomerFeaturesProcessor.TIMER_STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CustomerFeaturesProcessor.PROGRESS_STORE), Serdes.String(),
                Serdes.Long()).withCachingEnabled());
        return orders.process(() -> new CustomerFeaturesProcessor(settings, refresh), Named.as("customer-state"),
                CustomerFeaturesProcessor.STATE_STORE, CustomerFeaturesProcessor.BUFFER_STORE,
                CustomerFeaturesProcessor.TIMER_STORE, CustomerFeaturesProcessor.PROGRESS_STORE);
    }

    /** Writes features and snapshots to their compacted topics; returns the features for further processing. */
    public static KStream<String, CustomerFeatures> buildOutputs(KStream<String, FeatureOutput> outputs,
                                                                 ChurnwatchSerdes serdes) {
        Map<String, KStream<String, FeatureOutput>> branches = outputs.split(Named.as("output-"))
                .branch((key, value) -> value instanceof FeatureOutput.SnapshotTaken, Branched.as("snapshots"))
                .defaultBranch(Branched.as("features"));
        branches.get("output-snapshots")
                .mapValues(value -> ((FeatureOutput.SnapshotTaken) value).snapshot(), Named.as("snapshot-values"))
                .to(Topics.FEATURE_SNAPSHOTS, Produced.with(Serdes.String(), serdes.snapshots())
                        .withName("feature-snapshots-sink"));
        KStream<String, CustomerFeatures> features = branches.get("output-features")
                .mapValues(value -> ((FeatureOutput.FeaturesUpdate) value).features(), Named.as("feature-values"));
        features.to(Topics.CUSTOMER_FEATURES, Produced.with(Serdes.String(), serdes.features())
                .withName("customer-features-sink"));
        return features;
    }
}
