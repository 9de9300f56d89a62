package io.churnwatch.producers.source;

import io.churnwatch.schemas.OrderEvent;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream of order events in event-time order, read from a file or generated. Pull events with
 * {@link #hasNext()}/{@link #next()}; the {@link #summary()} is complete once {@code hasNext()} returned false.
 * Not thread-safe.
 */
public interface OrderSource extends Iterator<OrderEvent>, AutoCloseable {

    /** How far the source is, from 0 to 1 (bytes of the file read, or share of the generated timeline). */
    double progress();

    /** The counts so far; final once the source is exhausted. */
    ImportSummary summary();

    /** Releases the file, if any. Never throws a checked exception. */
    @Override
    void close();

    /** The remaining events as a sequential stream that closes this source when the stream is closed. */
    default Stream<OrderEvent> stream() {
        Spliterator<OrderEvent> spliterator = Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }
}
