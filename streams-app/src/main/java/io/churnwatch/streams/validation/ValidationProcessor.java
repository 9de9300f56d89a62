package io.churnwatch.streams.validation;

import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.WireFormatException;
import io.churnwatch.streams.metrics.TaskCounters;
import io.churnwatch.streams.partitioning.CustomerPartitioning;

/**
 * Decodes raw {@code orders} records and checks them. A good order goes on keyed by its customer id and stamped
 * with its event time (so the stream's time downstream is event time); a bad one goes on as its original bytes
 * with {@link DlqHeaders}, and its reason is counted. Nothing a producer can put in a record stops the stream.
 *
 * <p>One failure is not the record's fault: an unreachable schema registry. That is rethrown, so the stream
 * thread is replaced and the record retried from the last commit, rather than a good order being dead-lettered.
 */
public final class ValidationProcessor implements Processor<String, byte[], String, Validated> {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationProcessor.class);

    private final Deserializer<OrderEvent> deserializer;
    private final OrderValidator validator;
    private final CustomerPartitioning partitioning;
    private ProcessorContext<String, Validated> context;
    private TaskCounters counters;

    public ValidationProcessor(Deserializer<OrderEvent> deserializer, ValidationSettings settings,
                               CustomerPartitioning partitioning) {
        this.deserializer = deserializer;
        this.validator = new OrderValidator(settings);
        this.partitioning = partitioning;
    }

    @Override
    public void init(ProcessorContext<String, Validated> context) {
        this.context = context;
        this.counters = new TaskCounters(context, "validation");
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.ORDERS);
        if (record.value() == null) {
            reject(record, new Rejection(RejectReason.NULL_VALUE, "a null value (tombstone) is not an order"));
            return;
        }
        OrderEvent order;
        try {
            order = deserializer.deserialize(topic, record.headers(), record.value());
        } catch (WireFormatException e) {
            if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
                throw e;
            }
            reject(record, new Rejection(RejectReason.undecodable(e.reason()), e.getMessage()));
            return;
        }
        Optional<Rejection> rejection = validator.check(order, context.currentSystemTimeMs());
        if (rejection.isPresent()) {
            reject(record, rejection.get());
            return;
        }
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        boolean placed = partitioning.alreadyPlaced(record.key(), order.getCustomerId(), partition);
        context.forward(new Record<String, Validated>(order.getCustomerId(), new Validated.Accepted(order, placed),
                order.getEventTime().toEpochMilli(), record.headers()));
    }

    private void reject(Record<String, byte[]> record, Rejection rejection) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String topic = source.map(RecordMetadata::topic).orElse("");
        int partition = source.map(RecordMetadata::partition).orElse(-1);
        long offset = source.map(RecordMetadata::offset).orElse(-1L);
        counters.increment(rejection.reason().metricName());
        LOG.debug("Dead-lettering {}-{}@{}: {} ({})", topic, partition, offset, rejection.reason(), rejection.detail());
        Headers headers = DlqHeaders.forRejection(record.headers(), rejection, topic, partition, offset);
        context.forward(new Record<String, Validated>(record.key(), new Validated.Rejected(record.value()),
                record.timestamp(), headers));
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
