package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    private static final String SCOPE = "config";
    private static final String URL = "mock://" + SCOPE;

    @AfterEach
    void forget() {
        InMemorySchemaRegistry.reset(SCOPE);
    }

    @Test
    void readsConfluentStyleSettings() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                "schema.registry.url", " http://registry:8081 ",
                "auto.register.schemas", "FALSE",
                "specific.avro.value.type", "io.churnwatch.schemas.OrderEvent"), false);

        assertThat(config.registryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.autoRegister()).isFalse();
        assertThat(config.type()).isEqualTo(OrderEvent.class);
    }

    @Test
    void absentSettingsAreNull() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of("specific.avro.value.type", "x.Y"), true);

        assertThat(config.registryUrl()).isNull();
        assertThat(config.autoRegister()).isNull();
        assertThat(config.type()).isNull();
    }

    @Test
    void badSettingsNameTheSettingAndTheProblem() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("auto.register.schemas", "maybe"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("specific.avro.value.type", "io.churnwatch.Nope"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.value.type")
                .hasMessageContaining("no such class");
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("specific.avro.key.type", String.class), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not implement SpecificRecord");
    }

    @Test
    void aReflectivelyBuiltSerdeNeedsAUrlAndAType() {
        assertThatThrownBy(() -> new AvroSerde<OrderEvent>().configure(
                Map.of("specific.avro.value.type", OrderEvent.class.getName()), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroSerde<OrderEvent>().configure(Map.of("schema.registry.url", URL), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.value.type");
        assertThatThrownBy(() -> new AvroDeserializer<OrderEvent>().deserialize(Topics.ORDERS, new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no target type");
    }

    @Test
    void configuringAConstructedSerdeKeepsWhatTheConstructorWasGiven() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        AvroSerde<OrderEvent> strict = new AvroSerde<>(OrderEvent.class, registry, false, false);

        // Kafka Streams passes its whole configuration, which says nothing about the registry.
        strict.configure(Map.of("application.id", "churnwatch"), false);

        assertThatThrownBy(() -> strict.serializer().serialize(Topics.ORDERS, Samples.purchase()))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_SCHEMA_ID));
        registry.register(Topics.valueSubject(Topics.ORDERS), OrderEvent.getClassSchema());
        byte[] bytes = strict.serializer().serialize(Topics.ORDERS, Samples.purchase());
        assertThat(strict.deserializer().deserialize(Topics.ORDERS, bytes)).isEqualTo(Samples.purchase());
    }
}
