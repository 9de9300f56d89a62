package io.churnwatch.streams.validation;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;

class DeadLetterTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2012-06-01T00:00:00Z");

    /** A valid order to spoil, and the spoiled copy's encoding. */
    private static OrderEvent good() {
        return purchase("o1", "c1", "2011-05-01T12:00:00Z", line("A", 2, 100), line("B", 1, 250));
    }

    private static Arguments invalid(RejectReason reason, java.util.function.Consumer<OrderEvent> spoil) {
        Function<TopologyHarness, byte[]> bytes = app -> {
            OrderEvent order = good();
            spoil.accept(order);
            return app.encode(order);
        };
        return Arguments.of(reason, bytes);
    }

    private static Arguments raw(RejectReason reason, Function<TopologyHarness, byte[]> bytes) {
        return Arguments.of(reason, bytes);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                raw(RejectReason.NULL_VALUE, app -> null),
                raw(RejectReason.UNDECODABLE_EMPTY, app -> new byte[0]),
                raw(RejectReason.UNDECODABLE_TOO_SHORT, app -> new byte[] {0, 0, 1}),
                raw(RejectReason.UNDECODABLE_UNKNOWN_MAGIC_BYTE,
                        app -> "{\"orderId\":\"o1\"}".getBytes(StandardCharsets.UTF_8)),
                raw(RejectReason.UNDECODABLE_UNKNOWN_SCHEMA_ID, app -> new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 'a'}),
                raw(RejectReason.UNDECODABLE_MALFORMED_AVRO, app -> {
                    byte[] valid = app.encode(good());
                    return Arrays.copyOf(valid, valid.length - 3);
                }),
                raw(RejectReason.UNDECODABLE_INCOMPATIBLE_SCHEMA, app -> app.serdes.features().serializer()
                        .serialize("some-other-topic", CustomerFeatures.newBuilder().setCustomerId("c1")
                                .setAsOf(Instant.EPOCH).setOrders(0).setReturnOrders(0).setGrossRevenueMinor(0)
                                .setReturnedValueMinor(0).setReturnRateOrders(0).setReturnRateValue(0)
                                .setAvgOrderValueMinor(0).setItemsPerOrder(0).setRevenue30dMinor(0)
                                .setRevenue90dMinor(0).setRevenue180dMinor(0).setRevenue365dMinor(0)
                                .setOrders30d(0).setOrders90d(0).setOrders180d(0).setOrders365d(0)
                                .setRevenuePrev90dMinor(0).setOrdersPrev90d(0).setRevenueTrend90d(0)
                                .setDistinctProducts(0).build())),
                invalid(RejectReason.MISSING_ORDER_ID, order -> order.setOrderId(" ")),
                invalid(RejectReason.MISSING_CUSTOMER_ID, order -> order.setCustomerId(null)),
                invalid(RejectReason.NO_LINES, order -> order.setLines(new ArrayList<>())),
                invalid(RejectReason.MISSING_SKU, order -> order.getLines().get(1).setSku("")),
                invalid(RejectReason.ZERO_QUANTITY, order -> order.getLines().get(1).setQuantity(0)),
                invalid(RejectReason.NEGATIVE_QUANTITY, order -> order.getLines().get(0).setQuantity(-2)),
                invalid(RejectReason.NON_POSITIVE_PRICE, order -> order.getLines().get(1).setUnitPriceMinor(0)),
                invalid(RejectReason.MISSING_CURRENCY, order -> order.setCurrency("")),
                invalid(RejectReason.FUTURE_EVENT_TIME,
                        order -> order.setEventTime(WALL_CLOCK.plus(ValidationSettings.DEFAULT_MAX_FUTURE_SKEW).plusSeconds(1))),
                invalid(RejectReason.EVENT_TIME_TOO_OLD, order -> order.setEventTime(Instant.EPOCH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void aBadRecordGoesToTheDlqAsItsOriginalBytesWithItsReasonAndSource(RejectReason reason,
                                                                         Function<TopologyHarness, byte[]> bytes) {
        try (TopologyHarness app = new TopologyHarness(TestSettings.immediateWithoutTimers(), WALL_CLOCK)) {
            app.send(purchase("o0", "c0", "2011-05-01T11:00:00Z", line("A", 1, 100)));
            byte[] original = bytes.apply(app);
            app.sendRaw("c1", original);
            app.send(purchase("o2", "c2", "2011-05-01T13:00:00Z", line("A", 1, 100)));

            List<TestRecord<String, byte[]>> dead = app.dlq.readRecordsToList();
            assertThat(dead).hasSize(1);
            TestRecord<String, byte[]> record = dead.get(0);
            assertThat(record.key()).isEqualTo("c1");
            assertThat(record.value()).isEqualTo(original);
            assertThat(DlqHeaders.read(record.headers(), DlqHeaders.REASON)).isEqualTo(reason.name());
            assertThat(DlqHeaders.read(record.headers(), DlqHeaders.DETAIL)).isNotBlank();
            assertThat(DlqHeaders.read(record.headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ORDERS);
            assertThat(DlqHeaders.read(record.headers(), DlqHeaders.PARTITION)).isEqualTo("0");
            assertThat(DlqHeaders.read(record.headers(), DlqHeaders.OFFSET)).isEqualTo("1");
            assertThat(app.counter(reason.metricName())).isEqualTo(1.0);
            // Processing went on around it.
            assertThat(app.readFeatures()).extracting(kv -> kv.key).containsExactly("c0", "c2");
        }
    }
}
