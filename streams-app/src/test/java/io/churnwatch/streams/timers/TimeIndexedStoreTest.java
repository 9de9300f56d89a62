package io.churnwatch.streams.timers;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import io.churnwatch.streams.ProcessorContexts;

/** The in-memory floor skips removed entries without ever hiding a live one. */
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
}
