package io.churnwatch.streams.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    void labelHorizonsMergeCutoffsAndCutoffsPlusTheHorizonInTimeOrder() {
        CutoffSchedule schedule = LabelHorizonCutoffs.of(new MonthlyCutoffs(), 90);
        List<String> instants = new ArrayList<>();
        for (long c = schedule.firstAfter(at("2011-08-10T00:00:00Z")); c < at("2011-12-02T00:00:00Z");
                c = schedule.firstAfter(c)) {
            instants.add(Instant.ofEpochMilli(c).toString());
        }
        assertThat(instants).containsExactly("2011-08-30T00:00:00Z", "2011-09-01T00:00:00Z", "2011-09-29T00:00:00Z",
                "2011-10-01T00:00:00Z", "2011-10-30T00:00:00Z", "2011-11-01T00:00:00Z", "2011-11-30T00:00:00Z",
                "2011-12-01T00:00:00Z");
        assertThat(schedule.lastBefore(at("2011-11-30T00:00:00Z"))).isEqualTo(at("2011-11-01T00:00:00Z"));
        assertThat(schedule.lastBefore(at("2011-11-30T00:00:00.001Z"))).isEqualTo(at("2011-11-30T00:00:00Z"));
        assertThat(schedule.lastBefore(at("2011-09-01T00:00:00Z"))).isEqualTo(at("2011-08-30T00:00:00Z"));
    }

    @Test
    void aHorizonOnACutoffIsOneInstantOfTheSchedule() {
        CutoffSchedule schedule = LabelHorizonCutoffs.of(new MonthlyCutoffs(), 90);
        // 2010-12-01 + 90 days = 2011-03-01 and 2011-01-01 + 90 days = 2011-04-01: both are cutoffs themselves.
        assertThat(schedule.firstAfter(at("2011-02-28T00:00:00Z"))).isEqualTo(at("2011-03-01T00:00:00Z"));
        assertThat(schedule.firstAfter(at("2011-03-01T00:00:00Z"))).isEqualTo(at("2011-04-01T00:00:00Z"));
        assertThat(schedule.firstAfter(at("2011-04-01T00:00:00Z"))).isEqualTo(at("2011-05-01T00:00:00Z"));
        assertThat(schedule.lastBefore(at("2011-04-01T00:00:00Z"))).isEqualTo(at("2011-03-01T00:00:00Z"));
    }

    @Test
    void aZeroHorizonLeavesTheScheduleAsItIs() {
        MonthlyCutoffs monthly = new MonthlyCutoffs();
        assertThat(LabelHorizonCutoffs.of(monthly, 0)).isSameAs(monthly);
        assertThatThrownBy(() -> LabelHorizonCutoffs.of(monthly, -1)).isInstanceOf(IllegalArgumentException.class);
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
