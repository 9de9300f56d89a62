package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.schemas.serde.WireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, registering (or, with
 * {@code auto.register.schemas=false}, looking up) the record's schema under {@code <topic>-value} or
 * {@code <topic>-key}. Thread-safe: Kafka producers call it from any thread.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    static {
        AvroClassTrust.trustContracts();
    }

    private volatile SchemaRegistryClient client;
    private volatile boolean isKey;
    private volatile boolean autoRegister = true;
    private final Map<TopicSchema, Integer> idsByTopicSchema = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** A value serializer that registers schemas automatically. */
    public AvroSerializer(SchemaRegistryClient client) {
        this(client, false, true);
    }

    public AvroSerializer(SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
        this.client = client;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (config.autoRegister() != null) {
            this.autoRegister = config.autoRegister();
        }
        if (config.registryUrl() != null) {
            this.client = SchemaRegistryClient.forUrl(config.registryUrl());
        }
        if (client == null) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, null, "required by AvroSerializer");
        }
        idsByTopicSchema.clear();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        Buffer buffer = buffers.get();
        buffer.out.reset();
        try {
            WireFormat.writeHeader(buffer.header, id);
            buffer.out.write(buffer.header, 0, WireFormat.HEADER_SIZE);
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.out, buffer.encoder);
            writer(schema).write(record, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // A reused encoder would flush the half-written record into the next one: start afresh.
            buffer.encoder = null;
            // Typically a required field left null: the record cannot be encoded as its own schema says.
            throw new WireFormatException(Reason.MALFORMED_AVRO, id, "Cannot encode " + schema.getFullName()
                    + " for topic '" + topic + "': " + e, e);
        }
        return buffer.out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        TopicSchema key = new TopicSchema(topic, schema);
        Integer cached = idsByTopicSchema.get(key);
        if (cached != null) {
            return cached;
        }
        SchemaRegistryClient registry = requireClient();
        String subject = isKey ? Topics.keySubject(topic) : Topics.valueSubject(topic);
        int id;
        try {
            id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            throw RegistryFailures.writingSchema(subject, schema.getFullName(), autoRegister, e);
        }
        idsByTopicSchema.put(key, id);
        return id;
    }

    private DatumWriter<T> writer(Schema schema) {
        return writers.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<T>(s, SpecificData.getForSchema(s)));
    }

    private SchemaRegistryClient requireClient() {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer has no schema registry: pass a client to the"
                    + " constructor or set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        return registry;
    }

    /** Per-thread scratch space, so that a record costs one array copy and no encoder. */
    private static final class Buffer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        final byte[] header = new byte[WireFormat.HEADER_SIZE];
        BinaryEncoder encoder;
    }

    private record TopicSchema(String topic, Schema schema) {
    }
}
