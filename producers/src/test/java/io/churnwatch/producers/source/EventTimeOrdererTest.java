package io.churnwatch.producers.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeOrdererTest {

    private static OrderEvent event(String id, long time) {
        return new OrderEvent(id, "c", Instant.ofEpochMilli(time), OrderKind.PURCHASE, List.of(), "GBP", null);
    }

    private static List<String> drain(EventTimeOrderer orderer) {
        List<String> ids = new ArrayList<>();
        OrderEvent e;
        while ((e = orderer.poll()) != null) {
            ids.add(e.getOrderId());
        }
        return ids;
    }

    @Test
    void holdsOrdersUntilTheInputHasMovedOnThenReleasesThemEarliestFirst() {
        EventTimeOrderer orderer = new EventTimeOrderer(100);
        orderer.add(event("b", 50));
        orderer.add(event("a", 40));
        orderer.advance(120, Long.MAX_VALUE);
        assertThat(drain(orderer)).isEmpty();

        orderer.advance(145, Long.MAX_VALUE);
        assertThat(drain(orderer)).containsExactly("a");

        orderer.advance(150, Long.MAX_VALUE);
        assertThat(drain(orderer)).containsExactly("b");
    }

    @Test
    void neverReleasesPastAnOrderStillBeingAssembled() {
        EventTimeOrderer orderer = new EventTimeOrderer(10);
        orderer.add(event("late", 30));
        orderer.advance(1_000, 30);
        assertThat(drain(orderer)).isEmpty();
        orderer.advance(1_000, 31);
        assertThat(drain(orderer)).containsExactly("late");
    }

    @Test
    void keepsArrivalOrderForEqualTimesAndFlushesEverythingAtTheEnd() {
        EventTimeOrderer orderer = new EventTimeOrderer(1_000);
        orderer.add(event("first", 5));
        orderer.add(event("second", 5));
        orderer.add(event("third", 1));
        orderer.flush();
        assertThat(drain(orderer)).containsExactly("third", "first", "second");
    }
}
