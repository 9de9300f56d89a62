package io.churnwatch.streams.features;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static io.churnwatch.streams.TestOrders.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;

class CustomerStateSerdeTest {

    private static CustomerState stateOf(OrderEvent... events) {
        CustomerState state = new CustomerState();
        for (OrderEvent event : events) {
            state.apply(event);
        }
        return state;
    }

    @Test
    void roundTripKeepsEveryFeature() {
        CustomerState state = stateOf(
                purchase("o1", "c1", "2011-01-01T10:00:00Z", line("A", 2, 150), line("B", 1, 300)),
                purchase("o2", "c1", "2011-02-11T10:00:00Z", line("C", 1, 150)),
                returned("r1", "c1", "2011-02-12T10:00:00Z", line("C", 1, 150)),
                purchase("o3", "c1", "2011-03-31T10:00:00Z", line("D", 4, 100)));
        state.nextTimerDue(Instant.parse("2011-04-07T10:00:00Z").toEpochMilli());

        byte[] bytes = CustomerStateSerde.toBytes(state);
        CustomerState copy = CustomerStateSerde.fromBytes(bytes);

        long asOf = Instant.parse("2011-05-01T00:00:00Z").toEpochMilli();
        assertThat(FeatureCalculator.featuresAsOf("c1", copy, asOf))
                .isEqualTo(FeatureCalculator.featuresAsOf("c1", state, asOf));
        assertThat(copy.nextTimerDue()).isEqualTo(state.nextTimerDue());
        assertThat(CustomerStateSerde.toBytes(copy)).isEqualTo(bytes);
        assertThat(bytes.length).isLessThan(100);
    }

    @Test
    void aCustomerPastTheExactProductLimitStaysSmall() {
        CustomerState state = new CustomerState();
        for (int i = 0; i < 500; i++) {
            state.apply(purchase("o" + i, "c1", Instant.parse("2011-01-01T10:00:00Z").plusSeconds(i * 3600L),
                    line("SKU" + i, 1, 100), line("SKU" + (i + 1), 1, 100)));
        }
        byte[] bytes = CustomerStateSerde.toBytes(state);
        CustomerState copy = CustomerStateSerde.fromBytes(bytes);

        assertThat(copy.products.isExact()).isFalse();
        assertThat(copy.products.count()).isEqualTo(state.products.count());
        assertThat(CustomerStateSerde.toBytes(copy)).isEqualTo(bytes);
        // 129 bytes of sketch plus 21 day buckets and the sums
        assertThat(bytes.length).isLessThan(300);
    }

    @Test
    void bucketsOlderThanAYearBeforeTheNewestEventAreDropped() {
        CustomerState state = stateOf(
                purchase("o1", "c1", "2010-01-01T10:00:00Z", line("A", 1, 100)),
                purchase("o2", "c1", "2010-06-01T10:00:00Z", line("A", 1, 100)),
                purchase("o3", "c1", "2011-03-01T10:00:00Z", line("A", 1, 100)));
        assertThat(state.bucketCount()).isEqualTo(2);
        assertThat(state.purchaseOrders()).isEqualTo(3);
    }

    @Test
    void corruptOrForeignBytesFailWithAClearMessage() {
        byte[] bytes = CustomerStateSerde.toBytes(stateOf(purchase("o1", "c1", "2011-01-01T10:00:00Z", line("A", 1, 1))));
        assertThatThrownBy(() -> CustomerStateSerde.fromBytes(Arrays.copyOf(bytes, bytes.length - 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt");
        byte[] future = bytes.clone();
        future[0] = 9;
        assertThatThrownBy(() -> CustomerStateSerde.fromBytes(future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 9");
    }

    @Test
    void featuresCannotBeAskedForBeforeTheNewestEvent() {
        CustomerState state = stateOf(purchase("o1", "c1", "2011-01-01T10:00:00Z", line("A", 1, 1)));
        assertThatThrownBy(() -> FeatureCalculator.featuresAsOf("c1", state,
                Instant.parse("2011-01-01T09:00:00Z").toEpochMilli()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
