package io.churnwatch.producers.cli;

import java.util.function.LongSupplier;

/**
 * Replays a timeline at a multiple of its original pace: an event that happened {@code d} after the first one is
 * released {@code d / speedup} after the replay started. With speedup 86400 a day of history takes a second.
 * A replay that falls behind (slow broker) does not sleep until it has caught up.
 */
final class Pacer {

    /** Waits for a number of nanoseconds; {@link Thread#sleep} in production. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speedup;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private boolean started;
    private long originEventMillis;
    private long originNanos;

    Pacer(double speedup, LongSupplier nanoClock, Sleeper sleeper) {
        this.speedup = speedup;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    static Pacer realTime(double speedup) {
        return new Pacer(speedup, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Blocks until the event at {@code eventMillis} is due. */
    void awaitTurn(long eventMillis) throws InterruptedException {
        if (!started) {
            started = true;
            originEventMillis = eventMillis;
            originNanos = nanoClock.getAsLong();
            return;
        }
        double offsetNanos = (eventMillis - originEventMillis) * 1_000_000.0 / speedup;
        long due = originNanos + (long) offsetNanos;
        long wait = due - nanoClock.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
