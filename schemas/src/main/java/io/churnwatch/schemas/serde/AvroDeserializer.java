package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.schemas.serde.WireFormatException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format bytes as the generated class {@code T}. The writer schema comes from the id in the
 * header, the reader schema is {@code T}'s own, and Avro's schema resolution bridges the two: a record written
 * with an older (or newer) compatible schema reads fine, with defaults for fields the writer did not have.
 *
 * <p>{@code null} reads as {@code null} (a tombstone); anything else that is not a valid record raises a
 * {@link WireFormatException}. Thread-safe.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    static {
        AvroClassTrust.trustContracts();
    }

    private volatile SchemaRegistryClient client;
    private volatile Class<T> type;
    private volatile Schema readerSchema;
    private volatile SpecificData model;
    private final Map<Integer, Resolution<T>> resolutionsByWriterId = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this.client = client;
        useType(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs, isKey);
        if (config.registryUrl() != null) {
            this.client = SchemaRegistryClient.forUrl(config.registryUrl());
        }
        if (config.type() != null) {
            useType((Class<T>) config.type());
        }
        if (client == null) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, null, "required by AvroDeserializer");
        }
        if (type == null) {
            String key = isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
            throw new ConfigException(key, null, "required by AvroDeserializer: the generated class to read as");
        }
        resolutionsByWriterId.clear();
    }

    private void useType(Class<T> type) {
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.type = type;
    }

    /** The generated class this deserializer produces. */
    public Class<T> type() {
        return type;
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        int id = WireFormat.checkHeader(topic, payload);
        Resolution<T> resolution = resolution(topic, id);
        if (resolution.reader() == null) {
            throw new WireFormatException(Reason.INCOMPATIBLE_SCHEMA, id, resolution.incompatibility());
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, decoders.get());
        decoders.set(decoder);
        T value;
        try {
            value = resolution.reader().read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // EOF, bad varints, lengths beyond the payload, union or enum indexes out of range.
            throw new WireFormatException(Reason.MALFORMED_AVRO, id, "Record on topic '" + topic + "' with schema id "
                    + id + " does not decode as its writer schema " + resolution.writerName() + ": " + e, e);
        }
        if (!isEnd(decoder)) {
            throw new WireFormatException(Reason.MALFORMED_AVRO, id, "Record on topic '" + topic + "' with schema id "
                    + id + " has bytes left over after a complete " + resolution.writerName()
                    + ": it was not written with that schema, or the payload was corrupted or concatenated.");
        }
        return value;
    }

    private static boolean isEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private Resolution<T> resolution(String topic, int id) {
        Resolution<T> cached = resolutionsByWriterId.get(id);
        if (cached != null) {
            return cached;
        }
        Schema reader = requireReaderSchema();
        Schema writer;
        try {
            writer = requireClient().getById(id);
        } catch (SchemaRegistryException e) {
            // Not cached: an unknown id may be registered a moment later, an unreachable registry may come back.
            throw RegistryFailures.readingSchema(topic, id, e);
        }
        Resolution<T> resolved = resolve(id, writer, reader);
        Resolution<T> previous = resolutionsByWriterId.putIfAbsent(id, resolved);
        return previous != null ? previous : resolved;
    }

    @SuppressWarnings("unchecked")
    private Resolution<T> resolve(int id, Schema writer, Schema reader) {
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String message = "Schema id " + id + " (" + writer.getFullName() + ") cannot be read as "
                    + reader.getFullName() + ": " + describe(compatibility)
                    + ". Is this the right topic for " + type.getSimpleName() + ", and did the writer follow the"
                    + " evolution rule (add fields with defaults, never rename or retype)?";
            return new Resolution<>(null, writer.getFullName(), message);
        }
        DatumReader<T> datumReader = new SpecificDatumReader<>(writer, reader, model);
        return new Resolution<>(datumReader, writer.getFullName(), null);
    }

    private static String describe(SchemaCompatibility.SchemaPairCompatibility compatibility) {
        return compatibility.getResult().getIncompatibilities().stream()
                .limit(3)
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse(compatibility.getDescription());
    }

    private Schema requireReaderSchema() {
        Schema reader = readerSchema;
        if (reader == null) {
            throw new IllegalStateException("AvroDeserializer has no target type: pass it to the constructor or set "
                    + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE + " / " + AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE);
        }
        return reader;
    }

    private SchemaRegistryClient requireClient() {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer has no schema registry: pass a client to the"
                    + " constructor or set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        return registry;
    }

    /** What a writer id resolves to: a reader for T, or why there cannot be one. */
    private record Resolution<T>(DatumReader<T> reader, String writerName, String incompatibility) {
    }
}
