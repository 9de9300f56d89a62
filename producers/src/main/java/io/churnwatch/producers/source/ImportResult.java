package io.churnwatch.producers.source;

import io.churnwatch.schemas.OrderEvent;
import java.util.List;

/** Every event of a source, in emission order, with the source's final summary. For tests and small files. */
public record ImportResult(List<OrderEvent> events, ImportSummary summary) {

    /** Drains a source (and closes it). */
    public static ImportResult drain(OrderSource source) {
        try (source) {
            List<OrderEvent> events = new java.util.ArrayList<>();
            source.forEachRemaining(events::add);
            return new ImportResult(List.copyOf(events), source.summary());
        }
    }
}
