package io.churnwatch.streams.metrics;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Counters a processor keeps per task, published through Kafka Streams' own metrics (JMX and any metrics
 * reporter) as {@code <name>-total} and {@code <name>-rate} in group {@value #GROUP} with tags
 * {@code thread-id} and {@value #ENTITY_TAG} = {@code <entity>-<task id>}. Sensors are created on first use and
 * removed when the processor closes, so a task that moves away and back does not leave stale ones behind.
 */
public final class TaskCounters implements AutoCloseable {

    /** The scope name handed to Kafka Streams; metrics land in group {@code stream-churnwatch-metrics}. */
    public static final String SCOPE = "churnwatch";
    public static final String GROUP = "stream-" + SCOPE + "-metrics";
    public static final String ENTITY_TAG = SCOPE + "-id";

    private final StreamsMetrics metrics;
    private final String entity;
    private final Map<String, Sensor> sensors = new HashMap<>();

    public TaskCounters(ProcessingContext context, String entity) {
        this.metrics = context.metrics();
        this.entity = entity + "-" + context.taskId();
    }

    public void increment(String name) {
        add(name, 1);
    }

    /**
     * Adds {@code count} events. A rate-total sensor counts recordings, not recorded values, so each event is
     * recorded on its own (recording a count once would make {@code -total} count calls).
     */
    public void add(String name, int count) {
        Sensor sensor = sensors.computeIfAbsent(name,
                n -> metrics.addRateTotalSensor(SCOPE, entity, n, Sensor.RecordingLevel.INFO));
        for (int i = 0; i < count; i++) {
            sensor.record();
        }
    }

    @Override
    public void close() {
        sensors.values().forEach(metrics::removeSensor);
        sensors.clear();
    }
}
