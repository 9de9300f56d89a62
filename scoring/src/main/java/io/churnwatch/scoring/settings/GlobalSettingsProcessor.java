package io.churnwatch.scoring.settings;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@value OperatorSettings#STORE} equal to the settings topic: every key as written, a tombstone
 * removes it (back to the configured default). Nothing is parsed here: values are stored as they came, which is
 * also what a restore of the global store does, so a restart and live processing agree.
 */
public final class GlobalSettingsProcessor implements Processor<String, String, Void, Void> {

    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(OperatorSettings.STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
