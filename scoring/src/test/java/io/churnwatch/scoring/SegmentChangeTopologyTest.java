package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.churnwatch.schemas.FeatureMove;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.scoring.fixtures.TestReleases.SegmentCentre;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentChangeTopologyTest {

    private static final Instant DAY0 = Instant.parse("2011-06-01T00:00:00Z");

    @Test
    void aChangeIsEmittedOnceWithTheFeaturesThatMoved() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.defaults())) {
            harness.publish("current", TestReleases.first(0.5));

            harness.score(TestReleases.ACTIVE.at("c1", DAY0));
            List<SegmentChange> first = harness.segmentChanges.readValuesToList();
            harness.score(TestReleases.ACTIVE.withRecency(4).at("c1", at(1)));
            assertThat(harness.segmentChanges.isEmpty()).as("same segment, no change").isTrue();
            harness.score(TestReleases.LAPSED.at("c1", at(2)));
            List<SegmentChange> moved = harness.segmentChanges.readValuesToList();
            harness.score(TestReleases.LAPSED.withRecency(221).at("c1", at(3)));

            assertThat(first).hasSize(1);
            assertThat(first.get(0).getFromSegment()).isNull();
            assertThat(first.get(0).getToSegment()).isEqualTo("Active");
            assertThat(first.get(0).getMovedFeatures()).extracting(FeatureMove::getFeature, FeatureMove::getBefore)
                    .containsExactly(tuple("recency_days", null), tuple("orders", null), tuple("net_revenue", null),
                            tuple("return_rate", null));
            assertThat(moved).hasSize(1);
            SegmentChange change = moved.get(0);
            assertThat(change.getCustomerId()).isEqualTo("c1");
            assertThat(change.getFromSegment()).isEqualTo("Active");
            assertThat(change.getToSegment()).isEqualTo("Lapsing");
            assertThat(change.getChangedAt()).isEqualTo(at(2));
            assertThat(change.getModelVersion()).isEqualTo(1L);
            // Only recency moved, and from where it was on entering Active (day 0), not at the last score (day 1):
            // orders, revenue and returns are the same history.
            assertThat(change.getMovedFeatures())
                    .extracting(FeatureMove::getFeature, FeatureMove::getBefore, FeatureMove::getAfter)
                    .containsExactly(tuple("recency_days", TestReleases.ACTIVE.recencyDays(), 220.0));
            assertThat(harness.segmentChanges.isEmpty()).isTrue();
        }
    }

    @Test
    void aNewReleaseThatReordersSegmentsButKeepsTheNameSendsNothingWhileARenameDoes() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.defaults())) {
            harness.publish("current", TestReleases.first(0.5));
            harness.score(TestReleases.LAPSED.at("c1", DAY0));
            assertThat(harness.segmentChanges.readValuesToList()).extracting(SegmentChange::getToSegment)
                    .containsExactly("Lapsing");

            harness.publish("current", TestReleases.release(2, TestReleases.firstModel(), 0.5, List.of(
                    new SegmentCentre("Lapsing", TestReleases.LAPSED),
                    new SegmentCentre("Active", TestReleases.ACTIVE))));
            assertThat(harness.score(TestReleases.LAPSED.at("c1", at(1))).getModelVersion()).isEqualTo(2L);
            assertThat(harness.segmentChanges.isEmpty()).as("remapped, same name").isTrue();

            harness.publish("current", TestReleases.release(3, TestReleases.firstModel(), 0.5, List.of(
                    new SegmentCentre("Active", TestReleases.ACTIVE),
                    new SegmentCentre("Dormant", TestReleases.LAPSED))));
            harness.score(TestReleases.LAPSED.at("c1", at(2)));
            List<SegmentChange> renamed = harness.segmentChanges.readValuesToList();

            assertThat(renamed).hasSize(1);
            assertThat(renamed.get(0).getFromSegment()).isEqualTo("Lapsing");
            assertThat(renamed.get(0).getToSegment()).isEqualTo("Dormant");
            assertThat(renamed.get(0).getModelVersion()).isEqualTo(3L);
            assertThat(renamed.get(0).getMovedFeatures()).as("the customer did not change, the model did").isEmpty();
        }
    }

    @Test
    void noSegmentsWithoutARelease() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.defaults())) {
            harness.score(TestReleases.ACTIVE.at("c1", DAY0));
            assertThat(harness.segmentChanges.isEmpty()).isTrue();
            assertThat(harness.driver.getKeyValueStore(ScoringTopology.SEGMENT_STORE).get("c1")).isNull();
        }
    }

    private static Instant at(int day) {
        return DAY0.plus(Duration.ofDays(day));
    }
}
