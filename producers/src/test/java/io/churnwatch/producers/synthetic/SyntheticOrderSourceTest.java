package io.churnwatch.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticOrderSourceTest {

    private static List<OrderEvent> generate(SyntheticConfig config) {
        List<OrderEvent> events = new ArrayList<>();
        try (SyntheticOrderSource source = new SyntheticOrderSource(config)) {
            source.forEachRemaining(events::add);
        }
        return events;
    }

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        SyntheticConfig config = SyntheticConfig.defaults().withCustomers(2_000).withDays(120).withSeed(7);

        List<OrderEvent> first = generate(config);
        List<OrderEvent> again = generate(config);
        List<OrderEvent> otherSeed = generate(config.withSeed(8));

        assertThat(first).hasSizeGreaterThan(1_000);
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void emitsInEventTimeOrderWithinTheRangeWithUniqueOrderIds() {
        SyntheticConfig config = SyntheticConfig.defaults().withCustomers(3_000).withDays(200)
                .withStart(LocalDate.of(2023, 6, 1));
        List<OrderEvent> events = generate(config);

        assertThat(events.stream().map(OrderEvent::getEventTime).toList()).isSorted();
        Instant start = Instant.parse("2023-06-01T00:00:00Z");
        Instant end = LocalDate.of(2023, 6, 1).plusDays(200).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getEventTime()).isBetween(start, end.minusMillis(1));
            assertThat(e.getLines()).isNotEmpty();
            assertThat(e.getCustomerId()).matches("S\\d{7}");
        });
        assertThat(events.stream().map(OrderEvent::getOrderId).distinct().count()).isEqualTo(events.size());
    }

    @Test
    void returnsFollowTheirPurchaseAndGiveBackPartOfIt() {
        List<OrderEvent> events = generate(SyntheticConfig.defaults().withCustomers(3_000).withDays(365));
        Map<String, OrderEvent> purchases = new HashMap<>();
        int returns = 0;
        for (OrderEvent event : events) {
            if (event.getKind() == OrderKind.PURCHASE) {
                purchases.put(event.getOrderId(), event);
                continue;
            }
            returns++;
            OrderEvent bought = purchases.get(event.getOrderId().replaceFirst("-R$", ""));
            assertThat(bought).as("purchase of return %s", event.getOrderId()).isNotNull();
            assertThat(event.getCustomerId()).isEqualTo(bought.getCustomerId());
            assertThat(event.getEventTime()).isAfter(bought.getEventTime());
            event.getLines().forEach(line -> assertThat(bought.getLines()).anySatisfy(b -> {
                assertThat(b.getSku()).isEqualTo(line.getSku());
                assertThat(line.getQuantity()).isBetween(1, b.getQuantity());
            }));
        }
        assertThat(returns).isPositive();
    }

    @Test
    void reportsCustomersAndProgress() {
        SyntheticConfig config = SyntheticConfig.defaults().withCustomers(500).withDays(60);
        try (SyntheticOrderSource source = new SyntheticOrderSource(config)) {
            assertThat(source.progress()).isZero();
            source.forEachRemaining(e -> { });
            assertThat(source.progress()).isEqualTo(1.0);
            assertThat(source.summary().customers()).isEqualTo(500);
            assertThat(source.summary().purchases()).isGreaterThanOrEqualTo(500);
        }
    }
}
