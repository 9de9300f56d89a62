package io.churnwatch.streams.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import io.churnwatch.streams.ProcessorContexts;

/** The in-memory head and floor skip scans and removed entries without ever hiding a live one. */
class TimeIndexedStoreTest {

    private final MockProcessorContext<Object, Object> context = ProcessorContexts.create();
    private final KeyValueStore<Bytes, String> store = ProcessorContexts.addStore(context, "t", Serdes.Bytes(),
            Serdes.String());

    @Test
    void entriesComeOutInTimeOrderAsTheFrontIsRemoved() {
        TimeIndexedStore<String> index = new TimeIndexedStore<>(store);
        index.put(30, "c", "C");
        index.put(10, "a", "A");
        index.put(20, "b", "B");

        assertThat(index.first(Long.MAX_VALUE)).map(TimeIndexedStore.Entry::id).contains("a");
        index.delete(10, "a");
        assertThat(index.first(Long.MAX_VALUE)).map(TimeIndexedStore.Entry::id).contains("b");
        assertThat(index.before(31, 10)).extracting(TimeIndexedStore.Entry::id).containsExactly("b", "c");
        assertThat(index.first(20)).isEmpty();
    }

    @Test
    void anEntryPutBelowWhatWasScannedIsStillFound() {
        TimeIndexedStore<String> index = new TimeIndexedStore<>(store);
        index.put(100, "late", "L");
        assertThat(index.first(50)).isEmpty();          // nothing before 50: the floor moves to 50
        assertThat(index.first(40)).isEmpty();          // answered without a scan
        index.put(5, "early", "E");                     // below the floor
        assertThat(index.first(40)).map(TimeIndexedStore.Entry::id).contains("early");
        assertThat(index.before(Long.MAX_VALUE, 5)).extracting(TimeIndexedStore.Entry::id)
                .containsExactly("early", "late");
    }

    @Test
    void aNewInstanceOnTheSameStoreSeesEverything() {
        TimeIndexedStore<String> first = new TimeIndexedStore<>(store);
        first.put(7, "x", "X");
        first.put(70, "y", "Y");
        assertThat(first.first(60)).map(TimeIndexedStore.Entry::id).contains("x");

        // After a restart or rebalance the processor wraps the restored store anew.
        TimeIndexedStore<String> restarted = new TimeIndexedStore<>(store);
        assertThat(restarted.before(Long.MAX_VALUE, 10)).extracting(TimeIndexedStore.Entry::time).containsExactly(7L, 70L);
    }

    @Test
    void theEarliestEntryIsAnsweredFromMemoryUntilItIsRemoved() {
        AtomicInteger scans = new AtomicInteger();
        TimeIndexedStore<String> index = new TimeIndexedStore<>(countingScans(store, scans));
        index.put(50, "m", "M");
        assertThat(index.first(Long.MAX_VALUE)).map(TimeIndexedStore.Entry::id).contains("m");
        assertThat(scans).hasValue(1);

        index.put(80, "z", "Z");                        // later than the head: the head stands
        index.put(20, "a", "A");                        // earlier: it becomes the head
        index.delete(80, "z");                          // not the head: the head stands
        assertThat(index.first(30)).map(TimeIndexedStore.Entry::id).contains("a");
        assertThat(index.first(20)).isEmpty();
        assertThat(index.before(100, 10)).isNotEmpty();  // a batch scan still reads the store
        assertThat(scans).hasValue(2);

        index.delete(20, "a");                          // the head leaves: the next question scans again
        assertThat(index.first(Long.MAX_VALUE)).map(TimeIndexedStore.Entry::id).contains("m");
        assertThat(scans).hasValue(3);
    }

    @Test
    void randomPutsDeletesAndQueriesAgreeWithASortedMap() {
        Random random = new Random(11);
        TimeIndexedStore<String> index = new TimeIndexedStore<>(store);
        TreeMap<String, Long> reference = new TreeMap<>();  // key "time(20 digits):id" sorts like the store
        for (int step = 0; step < 20_000; step++) {
            long time = random.nextInt(500);
            String id = "c" + random.nextInt(50);
            int op = random.nextInt(10);
            if (op < 4) {
                index.put(time, id, id + "@" + time);
                reference.put(String.format("%020d:%s", time, id), time);
            } else if (op < 6 && !reference.isEmpty()) {
                // Remove the earliest, as timers and the reorder buffer do, or any entry, as rescheduling does.
                Map.Entry<String, Long> victim = random.nextBoolean() ? reference.firstEntry()
                        : reference.ceilingEntry(String.format("%020d:", random.nextInt(500)));
                if (victim != null) {
                    index.delete(victim.getValue(), victim.getKey().substring(21));
                    reference.remove(victim.getKey());
                }
            } else if (op < 9) {
                long until = random.nextInt(520);
                Map.Entry<String, Long> expected = reference.firstEntry();
                String expectedId = expected != null && expected.getValue() < until ? expected.getKey().substring(21) : null;
                assertThat(index.first(until).map(TimeIndexedStore.Entry::id).orElse(null))
                        .as("step %d: first before %d", step, until).isEqualTo(expectedId);
            } else {
                long until = random.nextInt(520);
                List<String> expected = new ArrayList<>();
                for (Map.Entry<String, Long> entry : reference.entrySet()) {
                    if (entry.getValue() < until && expected.size() < 7) {
                        expected.add(entry.getKey().substring(21));
                    }
                }
                assertThat(index.before(until, 7)).extracting(TimeIndexedStore.Entry::id)
                        .as("step %d: before %d", step, until).containsExactlyElementsOf(expected);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, String> countingScans(KeyValueStore<Bytes, String> target, AtomicInteger scans) {
        return (KeyValueStore<Bytes, String>) Proxy.newProxyInstance(TimeIndexedStoreTest.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("range")) {
                        scans.incrementAndGet();
                    }
                    return method.invoke(target, args);
                });
    }
}
