package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock that only moves when the pacer sleeps (or the test says so). */
    private static final class FakeTime {
        long now = 1_000;
        final List<Long> sleeps = new ArrayList<>();

        Pacer pacer(double speedup) {
            return new Pacer(speedup, () -> now, nanos -> {
                sleeps.add(nanos);
                now += nanos;
            });
        }
    }

    @Test
    void spacesEventsByTheirEventTimeDividedByTheSpeedup() throws Exception {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(86_400);
        long day = 86_400_000L;

        pacer.awaitTurn(10 * day);
        pacer.awaitTurn(11 * day);
        pacer.awaitTurn(11 * day + day / 2);

        assertThat(time.sleeps).containsExactly(1_000_000_000L, 500_000_000L);
    }

    @Test
    void doesNotSleepWhenBehindOrForEqualTimes() throws Exception {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(1_000);

        pacer.awaitTurn(0);
        time.now += 5_000_000_000L; // a slow broker: five seconds pass
        pacer.awaitTurn(1_000_000); // due one second after the start
        pacer.awaitTurn(1_000_000);

        assertThat(time.sleeps).isEmpty();
    }
}
