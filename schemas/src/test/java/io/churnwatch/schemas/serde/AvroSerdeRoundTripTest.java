package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    private static final String SCOPE = "round-trip";
    private static final String URL = "mock://" + SCOPE;

    @BeforeEach
    @AfterEach
    void freshRegistry() {
        InMemorySchemaRegistry.reset(SCOPE);
    }

    static Stream<Arguments> everyContract() {
        return Stream.of(
                Arguments.of(Topics.ORDERS, Samples.purchase()),
                Arguments.of(Topics.ORDERS, Samples.returnWithoutCustomer()),
                Arguments.of(Topics.CUSTOMER_FEATURES, Samples.features()),
                Arguments.of(Topics.FEATURE_SNAPSHOTS, Samples.snapshot()),
                Arguments.of(Topics.CUSTOMER_SCORES, Samples.score()),
                Arguments.of(Topics.CUSTOMER_SCORES, Samples.scoreBeforeAnyModel()),
                Arguments.of(Topics.CHURN_ALERTS, Samples.alert()),
                Arguments.of(Topics.SEGMENT_CHANGES, Samples.segmentChange()),
                Arguments.of(Topics.MODELS, Samples.release()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyContract")
    <T extends SpecificRecord> void everyContractRoundTripsThroughTheConstructedSerde(String topic, T record) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        try (Serde<T> serde = AvroSerdes.of(type, URL)) {
            byte[] bytes = serde.serializer().serialize(topic, record);
            T back = serde.deserializer().deserialize(topic, bytes);

            assertThat(back).isEqualTo(record).isNotSameAs(record);
            assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).containsExactly(Topics.valueSubject(topic));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyContract")
    <T extends SpecificRecord> void everyContractRoundTripsThroughTheKafkaConfiguredSerde(String topic, T record) {
        Map<String, Object> configs = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, record.getClass().getName());
        try (Serde<T> writing = new AvroSerde<>(); Serde<T> reading = new AvroSerde<>()) {
            writing.configure(configs, false);
            reading.configure(configs, false);

            T back = reading.deserializer().deserialize(topic, writing.serializer().serialize(topic, record));

            assertThat(back).isEqualTo(record);
        }
    }

    @Test
    void nullIsATombstoneBothWays() {
        try (Serde<CustomerScore> serde = AvroSerdes.of(CustomerScore.class, URL)) {
            assertThat(serde.serializer().serialize(Topics.CUSTOMER_SCORES, null)).isNull();
            assertThat(serde.deserializer().deserialize(Topics.CUSTOMER_SCORES, null)).isNull();
        }
        assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).isEmpty();
    }

    @Test
    void aKeySerdeRegistersUnderTheKeySubjectAndReadsTheKeyTypeSetting() {
        Map<String, Object> configs = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE, OrderEvent.class,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, CustomerScore.class.getName());
        try (Serde<OrderEvent> keys = new AvroSerde<>()) {
            keys.configure(configs, true);

            byte[] bytes = keys.serializer().serialize(Topics.ORDERS, Samples.purchase());

            assertThat(keys.deserializer().deserialize(Topics.ORDERS, bytes)).isEqualTo(Samples.purchase());
            assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).containsExactly(Topics.keySubject(Topics.ORDERS));
        }
    }

    @Test
    void oneSerdeServesManyThreadsAtOnce() throws Exception {
        List<SpecificRecord> records = everyContract().map(a -> (SpecificRecord) a.get()[1]).toList();
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(InMemorySchemaRegistry.scope(SCOPE));
        Map<Class<?>, AvroDeserializer<?>> deserializers = new java.util.concurrent.ConcurrentHashMap<>();
        for (SpecificRecord record : records) {
            deserializers.computeIfAbsent(record.getClass(), c -> newDeserializer(record));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                jobs.add(() -> {
                    int checked = 0;
                    for (int round = 0; round < 200; round++) {
                        for (SpecificRecord record : records) {
                            byte[] bytes = serializer.serialize("t-" + record.getSchema().getName(), record);
                            Object back = deserializers.get(record.getClass())
                                    .deserialize("t-" + record.getSchema().getName(), bytes);
                            assertThat(back).isEqualTo(record);
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(jobs)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(8 * 200 * records.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AvroDeserializer<?> newDeserializer(SpecificRecord record) {
        return new AvroDeserializer(record.getClass(), InMemorySchemaRegistry.scope(SCOPE));
    }
}
