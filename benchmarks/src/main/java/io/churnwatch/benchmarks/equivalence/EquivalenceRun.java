package io.churnwatch.benchmarks.equivalence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.testing.BatchFeatures;
import io.churnwatch.streams.testing.SnapshotComparison;

/**
 * One equivalence run: reads an Online Retail file, sends every order through the real topology, collects every
 * snapshot, optionally writes them to a file, and compares them with the independent batch computation at every
 * instant of the snapshot schedule (cutoffs and label horizons) the stream has passed.
 *
 * <p>After the last order one more order, {@value #FLUSH_CUSTOMER}'s, moves event time just past the last order
 * plus the grace, so that every order is applied and every snapshot up to the end of the data is taken, and no
 * later one: a label horizon after the end of the data would see no purchases only because the data ends.
 */
public final class EquivalenceRun {

    static final String FLUSH_CUSTOMER = "__end-of-data__";
    private static final Logger LOG = LoggerFactory.getLogger(EquivalenceRun.class);
    private static final int DRAIN_EVERY = 5_000;

    /** What to run. {@code shuffleSeed} present: deliver in an order shuffled within the grace, with repeats. */
    public record Options(Path input, Optional<Path> writeSnapshots, OptionalLong shuffleSeed, boolean compare) {
    }

    /** The figures of a run. {@code comparison} is absent when comparing was switched off. */
    public record Result(int events, int arrivals, int customers, long lines, int scheduleInstants,
                         int horizonInstants, long snapshots, long featureRecords, long deadLetters, double late,
                         Optional<SnapshotComparison.Result> comparison, Duration readTime, Duration streamTime,
                         Duration batchTime) {
    }

    private EquivalenceRun() {
    }

    public static Result run(Options options, TopologySettings settings) {
        long started = System.nanoTime();
        List<OrderEvent> events = OnlineRetailReader.readAll(options.input()).events();
        if (events.isEmpty()) {
            throw new IllegalArgumentException(options.input() + " holds no orders");
        }
        Duration readTime = since(started);
        long grace = settings.features().grace().toMillis();
        List<OrderEvent> arrivals = options.shuffleSeed().isPresent()
                ? ArrivalOrder.shuffledWithinGrace(events, grace, options.shuffleSeed().getAsLong()) : events;
        long firstEvent = events.stream().mapToLong(e -> e.getEventTime().toEpochMilli()).min().orElseThrow();
        long lastEvent = events.stream().mapToLong(e -> e.getEventTime().toEpochMilli()).max().orElseThrow();
        long released = lastEvent + 1;

        long streamStarted = System.nanoTime();
        List<FeatureSnapshot> snapshots = new ArrayList<>();
        long featureRecords;
        long deadLetters;
        double late;
        SnapshotFile file = options.writeSnapshots().map(SnapshotFile::create).orElse(null);
        try (InProcessTopology topology = new InProcessTopology(settings)) {
            int sent = 0;
            for (OrderEvent order : arrivals) {
                topology.send(order);
                if (++sent % DRAIN_EVERY == 0) {
                    collect(topology.drain(), snapshots, file);
                }
            }
            topology.send(flushOrder(released + grace, events.get(0)));
            collect(topology.drain(), snapshots, file);
            featureRecords = topology.featureRecords();
            deadLetters = topology.deadLetters();
            late = topology.counter(CustomerFeaturesProcessor.LATE_METRIC);
        } finally {
            if (file != null) {
                file.close();
            }
        }
        Duration streamTime = since(streamStarted);
        options.writeSnapshots().ifPresent(path -> LOG.info("Wrote {} snapshots to {}", snapshots.size(), path));

        List<Long> instants = SnapshotComparison.cutoffsBetween(settings.features().cutoffs(), firstEvent, released);
        int horizons = (int) instants.stream().filter(c -> !isFirstOfMonth(c)).count();
        long batchStarted = System.nanoTime();
        Optional<SnapshotComparison.Result> comparison = options.compare()
                ? Optional.of(SnapshotComparison.compareAll(events, snapshots, instants)) : Optional.empty();
        Duration batchTime = since(batchStarted);
        int customers = BatchFeatures.at(events, Long.MAX_VALUE).size();
        long lines = events.stream().mapToLong(e -> e.getLines().size()).sum();
        return new Result(events.size(), arrivals.size(), customers, lines, instants.size(), horizons,
                snapshots.size(), featureRecords, deadLetters, late, comparison, readTime, streamTime, batchTime);
    }

    private static void collect(List<FeatureSnapshot> drained, List<FeatureSnapshot> all, SnapshotFile file) {
        all.addAll(drained);
        if (file != null) {
            drained.forEach(file::append);
        }
    }

    /** A valid purchase by a customer of its own, after every real order: it only moves event time on. */
    private static OrderEvent flushOrder(long at, OrderEvent template) {
        return OrderEvent.newBuilder(template)
                .setOrderId(FLUSH_CUSTOMER)
                .setCustomerId(FLUSH_CUSTOMER)
                .setEventTime(Instant.ofEpochMilli(at))
                .setKind(OrderKind.PURCHASE)
                .setLines(List.of(OrderLine.newBuilder().setSku("FLUSH").setQuantity(1)
                        .setUnitPriceMinor(1).build()))
                .build();
    }

    static boolean isFirstOfMonth(long instant) {
        return Instant.ofEpochMilli(instant).atZone(ZoneOffset.UTC).getDayOfMonth() == 1;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
