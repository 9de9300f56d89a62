package io.churnwatch.streams.features;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.streams.metrics.TaskCounters;
import io.churnwatch.streams.ordering.ReleaseProgress;
import io.churnwatch.streams.ordering.ReorderBuffer;
import io.churnwatch.streams.refresh.RefreshSweep;
import io.churnwatch.streams.refresh.RefreshTrigger;
import io.churnwatch.streams.snapshots.SnapshotScanner;
import io.churnwatch.streams.timers.InactivityTimers;
import io.churnwatch.streams.timers.TimeIndexedStore;
import io.churnwatch.streams.timers.TimerMode;

/**
 * The heart of the stream: keeps every customer's state and emits features, inactivity re-evaluations and
 * cutoff snapshots, all in event-time order.
 *
 * <p>Arriving orders wait in a {@link ReorderBuffer}. The task's released watermark is
 * {@code W = now - grace}, where now is the stream time (event-time mode) or the later of stream time and the
 * wall clock (wall-clock mode). Whenever W moves, three time-ordered sources are merged and handled in order:
 * buffered orders at or before W, inactivity timers due before W, and snapshot cutoffs before W (an order at
 * instant x goes before a timer or cutoff at x, since "as of x" includes x). So a timer or a snapshot only ever
 * sees the events at or before its instant, exactly as a batch computation would, and out-of-order arrivals
 * within the grace change nothing. An order older than W arrives too late for that: it is applied at once,
 * counted in {@value #LATE_METRIC}, and its features are emitted as of W. It is never dropped.
 *
 * <p>Late is not always wrong. In live operation with a grace of 0 nearly every order is older than W by its
 * delivery time (W is the wall clock of the previous record), and applying it at once gives the same state as in
 * order. The ones that do change results, because something they should have preceded was already released (a
 * later order of the same customer, or a snapshot at a cutoff at or after their event time), are also counted in
 * {@value #LATE_OUT_OF_ORDER_METRIC}: that is the counter to alert on.
 *
 * <p>When its {@link RefreshTrigger} moves to a new generation (a new model release), every customer's features
 * are emitted again as of W, {@link FeatureSettings#refreshPerSecond()} per second, so that the scorer downstream
 * re-scores customers who are not buying, not only those who are.
 */
public final class CustomerFeaturesProcessor implements Processor<String, OrderEvent, String, FeatureOutput> {

    public static final String STATE_STORE = "customer-state";
    public static final String BUFFER_STORE = "reorder-buffer";
    public static final String TIMER_STORE = "inactivity-timers";
    public static final String PROGRESS_STORE = "feature-progress";
    public static final String LATE_METRIC = "late-beyond-grace";
    public static final String LATE_OUT_OF_ORDER_METRIC = "late-out-of-order";
    public static final String TIMERS_FIRED_METRIC = "inactivity-timers-fired";
    public static final String SNAPSHOTS_METRIC = "snapshots-emitted";
    public static final String REFRESHED_METRIC = "customers-refreshed";

    private static final Duration REFRESH_TICK = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(CustomerFeaturesProcessor.class);

    private final FeatureSettings settings;
    private final RefreshTrigger refreshTrigger;
    private final long graceMillis;
    private ProcessorContext<String, FeatureOutput> context;
    private KeyValueStore<String, CustomerState> states;
    private ReorderBuffer buffer;
    private InactivityTimers timers;
    private ReleaseProgress progress;
    private TaskCounters counters;
    private RefreshSweep<CustomerState> refresh;
    private long streamTime = Long.MIN_VALUE;

    public CustomerFeaturesProcessor(FeatureSettings settings) {
        this(settings, RefreshTrigger.NONE);
    }

    public CustomerFeaturesProcessor(FeatureSettings settings, RefreshTrigger refreshTrigger) {
        this.settings = settings;
        this.refreshTrigger = refreshTrigger;
        this.graceMillis = settings.grace().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, FeatureOutput> context) {
        this.context = context;
        this.states = context.getStateStore(STATE_STORE);
        KeyValueStore<Bytes, OrderEvent> bufferStore = context.getStateStore(BUFFER_STORE);
        this.buffer = new ReorderBuffer(bufferStore);
        KeyValueStore<Bytes, byte[]> timerStore = context.getStateStore(TIMER_STORE);
        this.timers = new InactivityTimers(timerStore, settings.inactivity());
        this.progress = new ReleaseProgress(context.getStateStore(PROGRESS_STORE));
        this.counters = new TaskCounters(context, "customer-features");
        if (progress.started()) {
            streamTime = progress.watermark() + graceMillis;
        }
        // In event time only orders move time forward: the task's stream time may be the records' produce time
        // (orders that skip the repartition keep it), which says nothing about the events.
        if (settings.timerMode() == TimerMode.WALL_CLOCK) {
            context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
        }
        if (refreshTrigger != RefreshTrigger.NONE && settings.refreshPerSecond() > 0) {
            this.refresh = new RefreshSweep<>(context.getStateStore(PROGRESS_STORE), states,
                    context.taskId().toString());
            // Wall clock in both timer modes: a refresh is about the model in use now, not about event time.
            context.schedule(REFRESH_TICK, PunctuationType.WALL_CLOCK_TIME, timestamp -> refresh());
        }
    }

    @Override
    public void process(Record<String, OrderEvent> record) {
        OrderEvent order = record.value();
        long eventTime = order.getEventTime().toEpochMilli();
        streamTime = Math.max(streamTime, eventTime);
        if (!progress.started()) {
            long watermark = eventTime - graceMillis;
            progress.start(watermark, settings.cutoffs().lastBefore(watermark));
        }
        if (eventTime < progress.watermark()) {
            counters.increment(LATE_METRIC);
            LOG.debug("Order {} at {} arrived after the released watermark {}: applied out of order",
                    order.getOrderId(), order.getEventTime(), Instant.ofEpochMilli(progress.watermark()));
            apply(order, progress.watermark(), true);
        } else {
            buffer.add(order);
        }
        advance(now());
    }

    void punctuate(long timestamp) {
        advance(now());
    }

    /**
     * One tick of a refresh sweep, if one is due: features as of W, which every customer's state is at. A task
     * that has not seen an order has no customers, so its sweep completes at once and the generation counts as done.
     */
    void refresh() {
        long watermark = progress.started() ? progress.watermark() : Long.MIN_VALUE;
        int refreshed = refresh.step(refreshTrigger.generation(context), settings.refreshPerSecond(),
                (customerId, state) -> emitFeatures(customerId, state, Math.max(watermark, state.lastEventTime())));
        counters.add(REFRESHED_METRIC, refreshed);
    }

    private long now() {
        return settings.timerMode() == TimerMode.WALL_CLOCK
                ? Math.max(streamTime, context.currentSystemTimeMs())
                : streamTime;
    }

    /** Moves the released watermark to {@code now - grace}, handling everything that passes in time order. */
    private void advance(long now) {
        if (!progress.started() || now == Long.MIN_VALUE) {
            return;
        }
        long target = Math.max(progress.watermark(), now - graceMillis);
        while (true) {
            Optional<TimeIndexedStore.Entry<OrderEvent>> order = buffer.firstAtOrBefore(target);
            Optional<TimeIndexedStore.Entry<byte[]>> timer = timers.firstDueBefore(target);
            long cutoff = settings.cutoffs().firstAfter(progress.lastCutoff());
            long orderTime = order.map(TimeIndexedStore.Entry::time).orElse(Long.MAX_VALUE);
            long timerTime = timer.map(TimeIndexedStore.Entry::time).orElse(Long.MAX_VALUE);
            long cutoffTime = cutoff < target ? cutoff : Long.MAX_VALUE;
            if (orderTime == Long.MAX_VALUE && timerTime == Long.MAX_VALUE && cutoffTime == Long.MAX_VALUE) {
                break;
            }
            if (orderTime <= timerTime && orderTime <= cutoffTime) {
                buffer.remove(order.get());
                apply(order.get().value(), orderTime, false);
            } else if (cutoffTime <= timerTime) {
                takeSnapshot(cutoff);
            } else {
                fire(timer.get());
            }
        }
        progress.watermark(target);
    }

    /** Applies one order and emits the customer's features as of {@code asOf} (its own time, or W when late). */
    private void apply(OrderEvent order, long asOf, boolean late) {
        String customerId = order.getCustomerId();
        CustomerState state = states.get(customerId);
        if (state == null) {
            state = new CustomerState();
        }
        if (late && releasedAfter(order, state)) {
            counters.increment(LATE_OUT_OF_ORDER_METRIC);
        }
        state.apply(order);
        if (order.getKind() == OrderKind.PURCHASE) {
            timers.reschedule(customerId, state, asOf);
        }
        states.put(customerId, state);
        emitFeatures(customerId, state, asOf);
    }

    /**
     * Whether something a late order should have preceded is already out: a snapshot at or after its event time,
     * or a later order of its customer (which the gap spread depends on). Timers that fired in between are not
     * recorded, so a late order that misses one is not caught here; with the shortest inactivity offset at days,
     * only an order days late can.
     */
    private boolean releasedAfter(OrderEvent order, CustomerState state) {
        long eventTime = order.getEventTime().toEpochMilli();
        boolean known = state.purchaseOrders() + state.returnOrders() > 0;
        return eventTime <= progress.lastCutoff() || (known && eventTime < state.lastEventTime());
    }

    private void fire(TimeIndexedStore.Entry<byte[]> timer) {
        timers.remove(timer);
        String customerId = timer.id();
        CustomerState state = states.get(customerId);
        if (state == null || state.nextTimerDue() != timer.time()) {
            return;
        }
        long due = timer.time();
        if (due >= state.lastEventTime()) {
            emitFeatures(customerId, state, due);
            counters.increment(TIMERS_FIRED_METRIC);
        }
        timers.reschedule(customerId, state, Math.max(due, state.lastEventTime()));
        states.put(customerId, state);
    }

    private void takeSnapshot(long cutoff) {
        int emitted = SnapshotScanner.snapshot(states, cutoff, (key, snapshot) -> context.forward(
                new Record<String, FeatureOutput>(key, new FeatureOutput.SnapshotTaken(snapshot), cutoff)));
        progress.lastCutoff(cutoff);
        counters.add(SNAPSHOTS_METRIC, emitted);
        LOG.info("Task {} took the snapshot at cutoff {}: {} customers", context.taskId(), Instant.ofEpochMilli(cutoff),
                emitted);
    }

    private void emitFeatures(String customerId, CustomerState state, long asOf) {
        context.forward(new Record<String, FeatureOutput>(customerId,
                new FeatureOutput.FeaturesUpdate(FeatureCalculator.featuresAsOf(customerId, state, asOf)), asOf));
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
