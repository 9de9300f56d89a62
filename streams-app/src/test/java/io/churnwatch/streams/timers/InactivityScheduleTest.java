package io.churnwatch.streams.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class InactivityScheduleTest {

    private static final long DAY = 86_400_000L;

    @Test
    void walksThroughTheOffsetsAndStopsAfterTheLast() {
        InactivitySchedule schedule = InactivitySchedule.defaults();
        long last = 1_000 * DAY;
        assertThat(schedule.nextDue(last, Double.NaN, last)).isEqualTo(last + 7 * DAY);
        assertThat(schedule.nextDue(last, Double.NaN, last + 7 * DAY)).isEqualTo(last + 14 * DAY);
        assertThat(schedule.nextDue(last, Double.NaN, last + 300 * DAY)).isEqualTo(last + 365 * DAY);
        assertThat(schedule.nextDue(last, Double.NaN, last + 365 * DAY)).isZero();
    }

    @Test
    void oneAndAHalfMeanGapsSlotsInBetweenTheOffsets() {
        InactivitySchedule schedule = InactivitySchedule.defaults();
        long last = 1_000 * DAY;
        assertThat(schedule.nextDue(last, 20.0, last + 14 * DAY)).isEqualTo(last + 30 * DAY);
        assertThat(schedule.nextDue(last, 12.0, last + 14 * DAY)).isEqualTo(last + 18 * DAY);
        assertThat(schedule.nextDue(last, 12.0, last + 18 * DAY)).isEqualTo(last + 30 * DAY);
        assertThat(schedule.nextDue(last, 0.0, last)).isEqualTo(last + 7 * DAY);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new InactivitySchedule(List.of(7, 0), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InactivitySchedule(List.of(7), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
