package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireLayoutTest {

    private static final String SCOPE = "wire-layout";
    private SchemaRegistryClient registry;

    @BeforeEach
    void freshRegistry() {
        InMemorySchemaRegistry.reset(SCOPE);
        registry = SchemaRegistryClient.forUrl("mock://" + SCOPE);
        // Burn a few ids so that the id under test is not a coincidental 1.
        for (int i = 0; i < 300; i++) {
            registry.register("filler-" + i, org.apache.avro.SchemaBuilder.record("Filler" + i).fields().endRecord());
        }
    }

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.reset(SCOPE);
    }

    @Test
    void bytesAreMagicByteThenBigEndianIdThenPlainAvro() throws Exception {
        OrderEvent event = Samples.purchase();
        byte[] bytes = new AvroSerializer<OrderEvent>(registry).serialize(Topics.ORDERS, event);

        int id = registry.lookup(Topics.valueSubject(Topics.ORDERS), OrderEvent.getClassSchema());
        assertThat(id).isEqualTo(301);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 1, 45);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(event));
    }

    @Test
    void theSameSchemaKeepsItsIdAndAnotherSchemaGetsANewOne() {
        AvroSerializer<OrderEvent> first = new AvroSerializer<>(registry);
        AvroSerializer<OrderEvent> second = new AvroSerializer<>(registry);
        AvroSerializer<CustomerScore> scores = new AvroSerializer<>(registry);

        int orderId = WireFormat.schemaId(first.serialize(Topics.ORDERS, Samples.purchase()));
        int againId = WireFormat.schemaId(second.serialize(Topics.ORDERS, Samples.returnWithoutCustomer()));
        int scoreId = WireFormat.schemaId(scores.serialize(Topics.CUSTOMER_SCORES, Samples.score()));

        assertThat(againId).isEqualTo(orderId);
        assertThat(scoreId).isNotEqualTo(orderId);
        assertThat(InMemorySchemaRegistry.scope(SCOPE).versions(Topics.valueSubject(Topics.ORDERS)))
                .containsExactly(orderId);
    }

    @Test
    void withoutAutoRegistrationTheSerializerOnlyUsesSchemasRegisteredBefore() {
        AvroSerializer<OrderEvent> strict = new AvroSerializer<>(registry, false, false);

        assertThatThrownBy(() -> strict.serialize(Topics.ORDERS, Samples.purchase()))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(e.getMessage()).contains("orders-value", "auto.register.schemas");
                });
        assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).doesNotContain("orders-value");

        int id = registry.register(Topics.valueSubject(Topics.ORDERS), OrderEvent.getClassSchema());
        assertThat(WireFormat.schemaId(strict.serialize(Topics.ORDERS, Samples.purchase()))).isEqualTo(id);
    }

    private static byte[] plainAvro(OrderEvent event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(OrderEvent.class).write(event, encoder);
        return out.toByteArray();
    }
}
