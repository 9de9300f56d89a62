package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Confluent wire-format Avro serde for one generated class. Either construct it with a type and a client
 * (see {@link AvroSerdes#of}), or name it in a Kafka configuration and let {@link #configure} read
 * {@code schema.registry.url}, {@code auto.register.schemas} and {@code specific.avro.value.type} (or
 * {@code .key.type}).
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** A value serde that registers schemas automatically. */
    public AvroSerde(Class<T> type, SchemaRegistryClient client) {
        this(type, client, false, true);
    }

    public AvroSerde(Class<T> type, SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
        this.serializer = new AvroSerializer<>(client, isKey, autoRegister);
        this.deserializer = new AvroDeserializer<>(type, client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
