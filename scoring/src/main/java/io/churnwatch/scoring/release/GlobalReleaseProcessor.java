package io.churnwatch.scoring.release;

import io.churnwatch.schemas.ModelRelease;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@value ReleaseStore#NAME} in step with the {@code models} topic, for the promoted release
 * (key {@value ReleaseStore#CURRENT}) only, and announces each change so the scorer swaps its booster.
 */
public final class GlobalReleaseProcessor implements Processor<String, ModelRelease, Void, Void> {

    private final CurrentRelease current;
    private KeyValueStore<String, ModelRelease> store;

    public GlobalReleaseProcessor(CurrentRelease current) {
        this.current = current;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ReleaseStore.NAME);
    }

    @Override
    public void process(Record<String, ModelRelease> record) {
        if (!ReleaseStore.CURRENT.equals(record.key())) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        current.announce(record.value());
    }
}
