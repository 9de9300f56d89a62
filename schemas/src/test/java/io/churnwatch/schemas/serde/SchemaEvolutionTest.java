package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    private static final String SCOPE = "evolution";
    private static final String SUBJECT = Topics.valueSubject(Topics.ORDERS);
    private static final Instant WHEN = Instant.parse("2011-03-04T10:11:12Z");

    private InMemorySchemaRegistry registry;
    private AvroDeserializer<OrderEvent> deserializer;

    @BeforeEach
    void freshRegistry() {
        InMemorySchemaRegistry.reset(SCOPE);
        registry = InMemorySchemaRegistry.scope(SCOPE);
        deserializer = new AvroDeserializer<>(OrderEvent.class, registry);
    }

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.reset(SCOPE);
    }

    @Test
    void dataWrittenWithTheFirstSchemaReadsAsTheCurrentOneWithDefaults() {
        Schema v1 = GenericWire.resourceSchema("/evolution/OrderEvent-v1.avsc");
        assertThat(v1.getField("currency")).isNull();
        assertThat(v1.getField("country")).isNull();
        int v1Id = registry.register(SUBJECT, v1);
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("orderId", "536365")
                .set("customerId", "17850")
                .set("eventTime", WHEN.toEpochMilli())
                .set("kind", new GenericData.EnumSymbol(v1.getField("kind").schema(), "RETURN"))
                .set("lines", List.of(line(v1, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 255L)))
                .build();

        OrderEvent read = deserializer.deserialize(Topics.ORDERS, GenericWire.encode(v1Id, old));

        assertThat(read).isEqualTo(OrderEvent.newBuilder()
                .setOrderId("536365")
                .setCustomerId("17850")
                .setEventTime(WHEN)
                .setKind(OrderKind.RETURN)
                .setLines(List.of(new OrderLine("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 255L)))
                .build());
        assertThat(read.getCurrency()).isEqualTo("GBP");
        assertThat(read.getCountry()).isNull();
    }

    @Test
    void fieldsANewerWriterAddedAreSkippedByTheCurrentReader() {
        Schema next = GenericWire.resourceSchema("/evolution/OrderEvent-next.avsc");
        int nextId = registry.register(SUBJECT, next);
        Schema lineSchema = next.getField("lines").schema().getElementType();
        GenericRecord line = new GenericRecordBuilder(lineSchema)
                .set("sku", "71053").set("quantity", 2).set("unitPriceMinor", 339L).set("vatRateBasisPoints", 500)
                .build();
        GenericRecord newer = new GenericRecordBuilder(next)
                .set("orderId", "536370")
                .set("customerId", "12583")
                .set("eventTime", WHEN.toEpochMilli())
                .set("kind", new GenericData.EnumSymbol(next.getField("kind").schema(), "PURCHASE"))
                .set("lines", List.of(line, line))
                .set("currency", "EUR")
                .set("salesChannel", "marketplace")
                .set("country", "France")
                .set("loyaltyPoints", 1_200L)
                .build();

        OrderEvent read = deserializer.deserialize(Topics.ORDERS, GenericWire.encode(nextId, newer));

        OrderLine expectedLine = new OrderLine("71053", null, 2, 339L);
        assertThat(read).isEqualTo(OrderEvent.newBuilder()
                .setOrderId("536370")
                .setCustomerId("12583")
                .setEventTime(WHEN)
                .setKind(OrderKind.PURCHASE)
                .setLines(List.of(expectedLine, expectedLine))
                .setCurrency("EUR")
                .setCountry("France")
                .build());
    }

    @Test
    void oneDeserializerReadsOldAndCurrentWritersInterleaved() {
        Schema v1 = GenericWire.resourceSchema("/evolution/OrderEvent-v1.avsc");
        int v1Id = registry.register(SUBJECT, v1);
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("orderId", "1").set("eventTime", 0L)
                .set("kind", new GenericData.EnumSymbol(v1.getField("kind").schema(), "PURCHASE"))
                .set("lines", List.of())
                .build();
        byte[] oldBytes = GenericWire.encode(v1Id, old);
        byte[] currentBytes = new AvroSerializer<OrderEvent>(registry).serialize(Topics.ORDERS, Samples.purchase());
        assertThat(WireFormat.schemaId(currentBytes)).isNotEqualTo(v1Id);

        for (int i = 0; i < 3; i++) {
            assertThat(deserializer.deserialize(Topics.ORDERS, oldBytes).getCountry()).isNull();
            assertThat(deserializer.deserialize(Topics.ORDERS, currentBytes)).isEqualTo(Samples.purchase());
        }
    }

    @Test
    void aRenamedFieldWithoutDefaultOrAliasIsIncompatible() {
        Schema renamed = GenericWire.resourceSchema("/evolution/OrderEvent-renamed-field.avsc");
        int id = registry.register(SUBJECT, renamed);
        GenericRecord record = new GenericRecordBuilder(renamed)
                .set("orderNumber", "536365").set("eventTime", 0L)
                .set("kind", new GenericData.EnumSymbol(renamed.getField("kind").schema(), "PURCHASE"))
                .set("lines", List.of())
                .build();

        assertThatThrownBy(() -> deserializer.deserialize(Topics.ORDERS, GenericWire.encode(id, record)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WireFormatException.Reason.INCOMPATIBLE_SCHEMA);
                    assertThat(e.schemaId()).hasValue(id);
                    assertThat(e.getMessage()).contains("orderId", "cannot be read as io.churnwatch.schemas.OrderEvent");
                });
    }

    private static GenericRecord line(Schema orderSchema, String sku, String description, int quantity, long price) {
        Schema lineSchema = orderSchema.getField("lines").schema().getElementType();
        return new GenericRecordBuilder(lineSchema)
                .set("sku", sku).set("description", description).set("quantity", quantity).set("unitPriceMinor", price)
                .build();
    }
}
