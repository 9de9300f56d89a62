package io.churnwatch.scoring.segments;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.scoring.score.ScoredCustomer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Emits a {@link SegmentChange} when a customer's segment name differs from the last one assigned (kept in
 * {@value #STORE}); a customer's first segment is a change from null. Only the name counts: a new release that
 * renumbers or re-centres its segments but keeps the customer's segment name sends nothing.
 *
 * <p>The memory is written only when the segment changes, so a change's moved features compare the customer now
 * with the customer on entering the previous segment: the drift that carried them out of it (recency 12 → 95
 * days), not the last order's step. It also spares a store write and a changelog record on every other score.
 */
public final class SegmentChangeProcessor implements Processor<String, ScoredCustomer, String, SegmentChange> {

    /** customerId → SegmentMemory. */
    public static final String STORE = "segment-store";

    private ProcessorContext<String, SegmentChange> context;
    private KeyValueStore<String, SegmentMemory> memory;

    @Override
    public void init(ProcessorContext<String, SegmentChange> context) {
        this.context = context;
        this.memory = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, ScoredCustomer> record) {
        ScoredCustomer scored = record.value();
        CustomerScore score = scored.score();
        if (!scored.hasModel() || score.getSegment() == null) {
            return;
        }
        SegmentMemory last = memory.get(record.key());
        String segment = score.getSegment();
        if (last == null || !last.segment().equals(segment)) {
            memory.put(record.key(), new SegmentMemory(segment, score.getModelVersion(), scored.segmentInputs()));
            context.forward(record.withValue(SegmentChange.newBuilder()
                    .setCustomerId(score.getCustomerId())
                    .setFromSegment(last == null ? null : last.segment())
                    .setToSegment(segment)
                    .setChangedAt(score.getScoredAt())
                    .setModelVersion(score.getModelVersion())
                    .setMovedFeatures(FeatureMoves.between(last == null ? null : last.inputs(),
                            scored.segmentInputs()))
                    .build()));
        }
    }
}
