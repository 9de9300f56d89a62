package io.churnwatch.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventHeapTest {

    @Test
    void removesEntriesEarliestFirstWithTiesByCustomer() {
        Random random = new Random(3);
        EventHeap heap = new EventHeap(2);
        List<long[]> added = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long time = random.nextInt(500);
            int customer = random.nextInt(1_000);
            heap.add(time, customer);
            added.add(new long[] {time, customer});
        }
        added.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));

        List<long[]> removed = new ArrayList<>();
        while (!heap.isEmpty()) {
            removed.add(new long[] {heap.peekTime(), heap.peekCustomer()});
            heap.removeFirst();
        }

        assertThat(removed).hasSize(added.size());
        for (int i = 0; i < added.size(); i++) {
            assertThat(removed.get(i)).containsExactly(added.get(i));
        }
    }
}
