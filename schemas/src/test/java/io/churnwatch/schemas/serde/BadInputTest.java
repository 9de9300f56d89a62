package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.FakeRegistryServer;
import io.churnwatch.schemas.registry.HttpSchemaRegistryClient;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.schemas.serde.WireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final String SCOPE = "bad-input";
    private static final String TOPIC = Topics.ORDERS;

    private InMemorySchemaRegistry registry;
    private AvroDeserializer<OrderEvent> deserializer;
    private byte[] valid;
    private int validId;

    @BeforeEach
    void setUp() {
        InMemorySchemaRegistry.reset(SCOPE);
        registry = InMemorySchemaRegistry.scope(SCOPE);
        deserializer = new AvroDeserializer<>(OrderEvent.class, registry);
        valid = new AvroSerializer<OrderEvent>(registry).serialize(TOPIC, Samples.purchase());
        validId = WireFormat.schemaId(valid);
    }

    @AfterEach
    void tearDown() {
        InMemorySchemaRegistry.reset(SCOPE);
    }

    @Test
    void emptyBytesAreNotATombstone() {
        expect(new byte[0], Reason.EMPTY).withMessageContaining("tombstone must be null");
    }

    @Test
    void fewerThanFiveBytesAreTooShort() {
        expect(new byte[] {0}, Reason.TOO_SHORT).withMessageContaining("1 byte(s)");
        expect(new byte[] {0, 0, 0, 1}, Reason.TOO_SHORT).withMessageContaining("4-byte schema id");
    }

    @Test
    void anythingButMagicByteZeroIsRejected() {
        byte[] json = "{\"orderId\":\"536365\"}".getBytes(StandardCharsets.UTF_8);
        expect(json, Reason.UNKNOWN_MAGIC_BYTE).withMessageContaining("0x7b");

        byte[] futureFormat = valid.clone();
        futureFormat[0] = 1;
        expect(futureFormat, Reason.UNKNOWN_MAGIC_BYTE).withMessageContaining("0x01");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsReportedWithTheId() {
        byte[] bytes = valid.clone();
        WireFormat.writeHeader(bytes, 987_654);

        expect(bytes, Reason.UNKNOWN_SCHEMA_ID)
                .withMessageContaining("987654")
                .satisfies(e -> assertThat(e.schemaId()).hasValue(987_654));
    }

    @Test
    void anIdRegisteredLaterIsFoundLater() {
        byte[] scoreBytes = new AvroSerializer<CustomerScore>(InMemorySchemaRegistry.scope(SCOPE + "-other"))
                .serialize(Topics.CUSTOMER_SCORES, Samples.score());
        AvroDeserializer<CustomerScore> scores = new AvroDeserializer<>(CustomerScore.class, registry);
        int unknownHere = WireFormat.schemaId(scoreBytes) + 1;
        WireFormat.writeHeader(scoreBytes, unknownHere);
        assertThatThrownBy(() -> scores.deserialize(Topics.CUSTOMER_SCORES, scoreBytes))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID));

        assertThat(registry.register("customer-scores-value", CustomerScore.getClassSchema())).isEqualTo(unknownHere);
        assertThat(scores.deserialize(Topics.CUSTOMER_SCORES, scoreBytes)).isEqualTo(Samples.score());
        InMemorySchemaRegistry.reset(SCOPE + "-other");
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        for (int cut = 1; cut < valid.length - WireFormat.HEADER_SIZE; cut++) {
            byte[] truncated = Arrays.copyOf(valid, valid.length - cut);
            expect(truncated, Reason.MALFORMED_AVRO).satisfies(e -> assertThat(e.schemaId()).hasValue(validId));
        }
        expect(Arrays.copyOf(valid, WireFormat.HEADER_SIZE), Reason.MALFORMED_AVRO)
                .withMessageContaining("does not decode as its writer schema io.churnwatch.schemas.OrderEvent");
    }

    @Test
    void bytesLeftOverAfterACompleteRecordAreMalformed() {
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        expect(trailing, Reason.MALFORMED_AVRO).withMessageContaining("bytes left over");

        byte[] twice = Arrays.copyOf(valid, valid.length * 2);
        System.arraycopy(valid, 0, twice, valid.length, valid.length);
        expect(twice, Reason.MALFORMED_AVRO).withMessageContaining("bytes left over");
    }

    @Test
    void hugeLengthsAndBadIndexesAreMalformedNotOutOfMemory() throws Exception {
        // orderId claims to be a 1 GiB string.
        expect(body(e -> e.writeLong(1L << 30)), Reason.MALFORMED_AVRO);
        // orderId with a negative length.
        expect(body(e -> e.writeLong(-5)), Reason.MALFORMED_AVRO);
        // customerId's union branch 7 of 2.
        expect(body(e -> {
            e.writeString("1");
            e.writeIndex(7);
        }), Reason.MALFORMED_AVRO);
        // kind: enum symbol 9 of 2.
        expect(body(e -> {
            e.writeString("1");
            e.writeIndex(0);
            e.writeLong(0);
            e.writeEnum(9);
        }), Reason.MALFORMED_AVRO);
        // lines: an array claiming 2^31 elements.
        expect(body(e -> {
            e.writeString("1");
            e.writeIndex(0);
            e.writeLong(0);
            e.writeEnum(0);
            e.writeLong(Integer.MAX_VALUE + 1L);
        }), Reason.MALFORMED_AVRO);
    }

    @Test
    void randomCorruptionEitherDecodesOrFailsWithAReason() {
        Random random = new Random(20111209L);
        Map<Reason, Integer> seen = new EnumMap<>(Reason.class);
        int decoded = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = valid.clone();
            int flips = 1 + random.nextInt(3);
            for (int i = 0; i < flips; i++) {
                // Keep the header valid in most rounds, so that the Avro body is what gets exercised.
                int at = round % 10 == 0 ? random.nextInt(bytes.length)
                        : WireFormat.HEADER_SIZE + random.nextInt(bytes.length - WireFormat.HEADER_SIZE);
                bytes[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 8));
            }
            try {
                deserializer.deserialize(TOPIC, bytes);
                decoded++;
            } catch (WireFormatException e) {
                seen.merge(e.reason(), 1, Integer::sum);
            }
        }
        assertThat(seen).containsKeys(Reason.MALFORMED_AVRO, Reason.UNKNOWN_SCHEMA_ID, Reason.UNKNOWN_MAGIC_BYTE);
        assertThat(decoded).isPositive();
    }

    @Test
    void aRecordOfAnotherContractIsIncompatible() {
        byte[] scoreBytes = new AvroSerializer<CustomerScore>(registry).serialize(Topics.CUSTOMER_SCORES, Samples.score());
        int scoreId = WireFormat.schemaId(scoreBytes);

        for (int attempt = 0; attempt < 2; attempt++) {
            expect(scoreBytes, Reason.INCOMPATIBLE_SCHEMA)
                    .withMessageContaining("io.churnwatch.schemas.CustomerScore) cannot be read as io.churnwatch.schemas.OrderEvent")
                    .satisfies(e -> assertThat(e.schemaId()).hasValue(scoreId));
        }
    }

    @Test
    void anUnreachableRegistryIsReportedAsUnavailableBothWays() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpSchemaRegistryClient dead = new HttpSchemaRegistryClient("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> new AvroDeserializer<>(OrderEvent.class, dead).deserialize(TOPIC, valid))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                    assertThat(e.schemaId()).hasValue(validId);
                    assertThat(e.getMessage()).contains("unreachable", "127.0.0.1:" + port);
                    assertThat(e.getCause()).isInstanceOf(SchemaRegistryException.class);
                });
        assertThatThrownBy(() -> new AvroSerializer<OrderEvent>(dead).serialize(TOPIC, Samples.purchase()))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("registering io.churnwatch.schemas.OrderEvent under subject 'orders-value'");
                });
    }

    @Test
    void aRegistryOutageIsNotRememberedOnceItRecovers() throws Exception {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.url());
            byte[] bytes = new AvroSerializer<OrderEvent>(client).serialize(TOPIC, Samples.purchase());
            HttpSchemaRegistryClient freshReader = new HttpSchemaRegistryClient(server.url());
            AvroDeserializer<OrderEvent> reader = new AvroDeserializer<>(OrderEvent.class, freshReader);
            server.failNext(503, 50003, "Error while forwarding the request to the leader");

            assertThatThrownBy(() -> reader.deserialize(TOPIC, bytes))
                    .isInstanceOfSatisfying(WireFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE));
            assertThat(reader.deserialize(TOPIC, bytes)).isEqualTo(Samples.purchase());
        }
    }

    @Test
    void aSchemaTheRegistryRejectsIsIncompatibleOnTheWritingSide() throws Exception {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            AvroSerializer<OrderEvent> serializer = new AvroSerializer<>(new HttpSchemaRegistryClient(server.url()));
            server.failNext(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"orders-value\"");

            assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.purchase()))
                    .isInstanceOfSatisfying(WireFormatException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
                        assertThat(e.getMessage()).contains("orders-value", "incompatible with an earlier schema");
                    });
        }
    }

    @Test
    void aRecordMissingARequiredFieldCannotBeWritten() {
        AvroSerializer<OrderEvent> serializer = new AvroSerializer<>(registry);
        OrderEvent noId = Samples.purchase();
        noId.setOrderId(null);
        // kind comes after three fields, so part of the record is already encoded when it fails.
        OrderEvent noKind = Samples.purchase();
        noKind.setKind(null);

        for (OrderEvent broken : new OrderEvent[] {noId, noKind}) {
            assertThatThrownBy(() -> serializer.serialize(TOPIC, broken))
                    .isInstanceOfSatisfying(WireFormatException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_AVRO);
                        assertThat(e.getMessage()).contains("OrderEvent", broken == noId ? "orderId" : "kind");
                    });
            // Nothing of the failed record leaks into the next one written on this thread.
            assertThat(serializer.serialize(TOPIC, Samples.purchase())).isEqualTo(valid);
        }
    }

    private ThrowableAssertAlternative<WireFormatException> expect(byte[] bytes, Reason reason) {
        ThrowableAssertAlternative<WireFormatException> thrown = assertThatExceptionOfType(WireFormatException.class)
                .isThrownBy(() -> deserializer.deserialize(TOPIC, bytes));
        thrown.satisfies(e -> assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason));
        return thrown;
    }

    private interface BodyWriter {
        void write(BinaryEncoder encoder) throws Exception;
    }

    private byte[] body(BodyWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(header, validId);
        out.write(header);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
