package io.churnwatch.streams.snapshots;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static io.churnwatch.streams.TestOrders.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.timers.TimerMode;

class SnapshotsTopologyTest {

    private static final Instant SEPTEMBER = Instant.parse("2011-09-01T00:00:00Z");

    @Test
    void theFirstEventPastACutoffTriggersASnapshotOfEveryCustomerWithOnlyEarlierEvents() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.immediateWithoutTimers())) {
            app.send(purchase("o1", "c1", "2011-08-10T10:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o2", "c2", "2011-08-20T10:00:00Z", line("A", 1, 500)));
            app.send(returned("r1", "c1", "2011-08-31T23:59:59Z", line("A", 1, 1000)));
            app.send(purchase("o3", "c3", "2011-09-01T00:00:00Z", line("B", 1, 700)));
            app.send(returned("r2", "c4", "2011-08-15T00:00:00Z", line("B", 1, 700)));
            assertThat(app.readSnapshots()).isEmpty();

            app.send(purchase("o4", "c1", "2011-09-02T10:00:00Z", line("A", 3, 1000)));

            List<TestRecord<String, FeatureSnapshot>> snapshots = app.readSnapshots();
            assertThat(snapshots).extracting(TestRecord::key)
                    .containsExactlyInAnyOrder("c1|2011-09-01", "c2|2011-09-01", "c3|2011-09-01");
            Map<String, FeatureSnapshot> byCustomer = snapshots.stream()
                    .collect(Collectors.toMap(r -> r.value().getCustomerId(), TestRecord::value));
            FeatureSnapshot c1 = byCustomer.get("c1");
            assertThat(c1.getCutoff()).isEqualTo(SEPTEMBER);
            assertThat(c1.getFeatures().getAsOf()).isEqualTo(SEPTEMBER);
            assertThat(c1.getFeatures().getOrders()).isEqualTo(1);
            assertThat(c1.getFeatures().getReturnOrders()).isEqualTo(1);
            assertThat(c1.getFeatures().getGrossRevenueMinor()).isEqualTo(1000);
            assertThat(c1.getFeatures().getRecencyDays()).isCloseTo(21 + 14 / 24.0, within(1e-9));
            assertThat(byCustomer.get("c3").getFeatures().getRecencyDays()).isZero();
        }
    }

    @Test
    void aGapOverSeveralCutoffsTakesEachSnapshotAsOfItsOwnCutoff() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.immediateWithoutTimers())) {
            app.send(purchase("o1", "c1", "2011-08-10T00:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o2", "c2", "2011-11-15T00:00:00Z", line("A", 1, 500)));

            assertThat(app.readSnapshots()).extracting(TestRecord::key, r -> r.value().getFeatures().getRecencyDays())
                    .containsExactly(
                            tuple("c1|2011-09-01", 22.0),
                            tuple("c1|2011-10-01", 52.0),
                            tuple("c1|2011-11-01", 83.0));
        }
    }

    @Test
    void fixedIntervalCutoffsAreAlignedToTheEpoch() {
        TopologySettings settings = TestSettings.immediateWithoutTimers();
        settings = settings.withFeatures(settings.features().withCutoffs(CutoffSchedule.parse("every-7-days")));
        try (TopologyHarness app = new TopologyHarness(settings)) {
            app.send(purchase("o1", "c1", "2011-08-10T00:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o2", "c1", "2011-08-20T00:00:00Z", line("A", 1, 1000)));
            // Epoch day 0 was a Thursday, so 7-day cutoffs fall on Thursdays: 2011-08-11 and 2011-08-18.
            assertThat(app.readSnapshots()).extracting(TestRecord::key)
                    .containsExactly("c1|2011-08-11", "c1|2011-08-18");
        }
    }

    @Test
    void inWallClockModeThePunctuatorTakesTheSnapshotOnceTheClockPassesCutoffPlusGrace() {
        TopologySettings settings = TestSettings.withGraceAndNoTimers(Duration.ofMinutes(10));
        settings = settings.withFeatures(settings.features().withTimerMode(TimerMode.WALL_CLOCK));
        try (TopologyHarness app = new TopologyHarness(settings, Instant.parse("2011-08-31T23:00:00Z"))) {
            app.send(purchase("o1", "c1", "2011-08-31T22:00:00Z", line("A", 1, 1000)));
            assertThat(app.readFeatures()).hasSize(1);

            app.advanceWallClock(Duration.ofMinutes(65));
            assertThat(app.readSnapshots()).isEmpty();

            app.advanceWallClock(Duration.ofMinutes(6));
            assertThat(app.readSnapshots()).extracting(TestRecord::key, r -> r.value().getFeatures().getAsOf())
                    .containsExactly(tuple("c1|2011-09-01", SEPTEMBER));
        }
    }
}
