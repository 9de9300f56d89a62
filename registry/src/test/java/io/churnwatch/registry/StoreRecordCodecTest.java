package io.churnwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void schemaVersionsUseConfluentsKeyAndValueLayout() throws Exception {
        StoreRecord.SchemaVersion version = new StoreRecord.SchemaVersion("orders-value", 3, 7, "\"string\"");
        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(version);

        assertThat(JSON.readTree(encoded.key())).isEqualTo(JSON.readTree(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}"));
        assertThat(JSON.readTree(encoded.value())).isEqualTo(JSON.readTree(
                "{\"subject\":\"orders-value\",\"version\":3,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"));
        assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(version);
    }

    @Test
    void compatibilityChangesRoundTripIncludingRemoval() throws Exception {
        StoreRecord.CompatibilityChange global = new StoreRecord.CompatibilityChange(null, CompatibilityLevel.FULL);
        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(global);
        assertThat(JSON.readTree(encoded.key()).get("subject").isNull()).isTrue();
        assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(global);

        StoreRecord.CompatibilityChange removal = new StoreRecord.CompatibilityChange("a", null);
        StoreRecordCodec.Encoded tombstone = StoreRecordCodec.encode(removal);
        assertThat(tombstone.value()).isNull();
        assertThat(StoreRecordCodec.decode(tombstone.key(), tombstone.value())).contains(removal);
    }

    @Test
    void skipsRecordKindsTheRegistryDoesNotServe() {
        byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);
        assertThat(StoreRecordCodec.decode(noop, null)).isEmpty();

        byte[] key = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] deleted = "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":true}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(StoreRecordCodec.decode(key, deleted)).isEmpty();
    }
}
