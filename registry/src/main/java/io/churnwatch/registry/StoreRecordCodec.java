package io.churnwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link StoreRecord}s into {@code _schemas} topic records and back, in the layout Confluent's registry
 * uses (JSON keys such as {@code {"keytype":"SCHEMA","subject":"orders-value","version":1,"magic":1}}), so the
 * key of each fact is stable and compaction keeps the latest value of each.
 */
final class StoreRecordCodec {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecordCodec.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as bytes; {@code value} null is a tombstone. */
    record Encoded(byte[] key, byte[] value) {
    }

    private StoreRecordCodec() {
    }

    static Encoded encode(StoreRecord record) {
        if (record instanceof StoreRecord.SchemaVersion v) {
            return new Encoded(
                    bytes(JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", v.subject())
                            .put("version", v.version()).put("magic", 1)),
                    bytes(JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
                            .put("id", v.id()).put("schema", v.schema()).put("deleted", false)));
        }
        StoreRecord.CompatibilityChange c = (StoreRecord.CompatibilityChange) record;
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        return new Encoded(bytes(key), c.level() == null ? null
                : bytes(JSON.createObjectNode().put("compatibilityLevel", c.level().name())));
    }

    /**
     * Reads one topic record; empty for record kinds the registry does not act on (Confluent's NOOP, modes,
     * deleted schema versions).
     *
     * @throws IllegalStateException when the record is not in the expected layout
     */
    static Optional<StoreRecord> decode(byte[] key, byte[] value) {
        JsonNode keyJson = read(key, "key");
        String keyType = keyJson.path("keytype").asText("");
        switch (keyType) {
            case "SCHEMA" -> {
                if (value == null) {
                    return Optional.empty();
                }
                JsonNode v = read(value, "value");
                if (v.path("deleted").asBoolean(false)) {
                    LOG.warn("Ignoring deleted schema version {} of '{}': this registry does not serve deleted versions",
                            v.path("version").asInt(), v.path("subject").asText());
                    return Optional.empty();
                }
                return Optional.of(new StoreRecord.SchemaVersion(required(v, "subject").asText(),
                        required(v, "version").asInt(), required(v, "id").asInt(), required(v, "schema").asText()));
            }
            case "CONFIG" -> {
                JsonNode subject = keyJson.get("subject");
                String subjectName = subject == null || subject.isNull() ? null : subject.asText();
                CompatibilityLevel level = value == null ? null
                        : CompatibilityLevel.parse(required(read(value, "value"), "compatibilityLevel").asText());
                return Optional.of(new StoreRecord.CompatibilityChange(subjectName, level));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("_schemas record without '" + field + "': " + node);
        }
        return value;
    }

    private static JsonNode read(byte[] bytes, String what) {
        if (bytes == null) {
            throw new IllegalStateException("_schemas record without a " + what);
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException("_schemas record " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("_schemas record " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
