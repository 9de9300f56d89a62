package io.churnwatch.streams.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CutoffScheduleTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void monthlyCutoffsAreTheFirstOfEachMonthAtMidnightUtc() {
        CutoffSchedule monthly = CutoffSchedule.parse("monthly");
        assertThat(monthly.firstAfter(at("2011-08-15T10:00:00Z"))).isEqualTo(at("2011-09-01T00:00:00Z"));
        assertThat(monthly.firstAfter(at("2011-09-01T00:00:00Z"))).isEqualTo(at("2011-10-01T00:00:00Z"));
        assertThat(monthly.firstAfter(at("2011-12-31T23:59:59Z"))).isEqualTo(at("2012-01-01T00:00:00Z"));
        assertThat(monthly.lastBefore(at("2011-09-01T00:00:00Z"))).isEqualTo(at("2011-08-01T00:00:00Z"));
        assertThat(monthly.lastBefore(at("2011-09-01T00:00:00.001Z"))).isEqualTo(at("2011-09-01T00:00:00Z"));
    }

    @Test
    void fixedIntervalsAreAlignedToTheEpoch() {
        CutoffSchedule weekly = CutoffSchedule.parse("every-7-days");
        assertThat(weekly.firstAfter(at("1970-01-01T00:00:00Z"))).isEqualTo(at("1970-01-08T00:00:00Z"));
        assertThat(weekly.firstAfter(at("2011-08-11T00:00:00Z"))).isEqualTo(at("2011-08-18T00:00:00Z"));
        assertThat(weekly.lastBefore(at("2011-08-11T00:00:00Z"))).isEqualTo(at("2011-08-04T00:00:00Z"));
        assertThat(weekly.lastBefore(at("2011-08-11T00:00:00.001Z"))).isEqualTo(at("2011-08-11T00:00:00Z"));
    }

    @Test
    void snapshotKeysNameTheCutoffDate() {
        assertThat(CutoffSchedule.snapshotKey("12345", at("2011-09-01T00:00:00Z"))).isEqualTo("12345|2011-09-01");
    }

    @Test
    void unknownSchedulesAreRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> CutoffSchedule.parse("weekly")).hasMessageContaining("every-N-days");
        assertThatThrownBy(() -> CutoffSchedule.parse("every-0-days")).isInstanceOf(IllegalArgumentException.class);
    }
}
