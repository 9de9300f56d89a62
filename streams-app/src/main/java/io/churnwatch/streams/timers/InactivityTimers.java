package io.churnwatch.streams.timers;

import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import io.churnwatch.streams.features.CustomerState;

/**
 * The pending inactivity timer of every customer, in a time-indexed store (key: due time, then customer id) so
 * that finding what is due is a range scan over due entries only. Each customer has at most one pending timer;
 * its due time is also kept in the customer's state, which is what lets a purchase cancel it without a scan.
 */
public final class InactivityTimers {

    private static final byte[] NO_VALUE = new byte[0];

    private final TimeIndexedStore<byte[]> index;
    private final InactivitySchedule schedule;

    public InactivityTimers(KeyValueStore<Bytes, byte[]> store, InactivitySchedule schedule) {
        this.index = new TimeIndexedStore<>(store);
        this.schedule = schedule;
    }

    /**
     * Replaces the customer's pending timer by the next re-evaluation strictly after {@code afterExclusive},
     * given its (updated) state; the state records the new due time (0 when nothing is left to schedule).
     */
    public void reschedule(String customerId, CustomerState state, long afterExclusive) {
        if (state.nextTimerDue() != 0) {
            index.delete(state.nextTimerDue(), customerId);
        }
        long due = state.hasPurchases()
                ? schedule.nextDue(state.lastPurchaseTime(), state.meanGapDays(), afterExclusive)
                : 0;
        if (due != 0) {
            index.put(due, customerId, NO_VALUE);
        }
        state.nextTimerDue(due);
    }

    /** The earliest timer due strictly before {@code untilExclusive}. */
    public Optional<TimeIndexedStore.Entry<byte[]>> firstDueBefore(long untilExclusive) {
        return index.first(untilExclusive);
    }

    /** Drops an entry that has fired or turned out to be stale. */
    public void remove(TimeIndexedStore.Entry<byte[]> entry) {
        index.delete(entry.time(), entry.id());
    }
}
