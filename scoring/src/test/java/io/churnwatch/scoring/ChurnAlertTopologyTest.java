package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.TreatmentGroup;
import io.churnwatch.scoring.fixtures.CustomerProfile;
import io.churnwatch.scoring.fixtures.Reference;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.scoring.settings.OperatorSettings;
import io.churnwatch.scoring.treatment.HoldoutAssignment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert episodes with a real model: three states of one customer whose probabilities lie above the threshold (A),
 * inside the hysteresis band below it (B) and under the band (C), found by scoring a range of recencies.
 */
class ChurnAlertTopologyTest {

    private static final Instant DAY0 = Instant.parse("2011-06-01T00:00:00Z");
    private static final CustomerProfile BASE = new CustomerProfile(6, 103, 3, 3000, 0);

    private static CustomerProfile high;
    private static CustomerProfile band;
    private static CustomerProfile low;
    private static double threshold;
    private static double hysteresis;

    @BeforeAll
    static void chooseStates() {
        List<Candidate> candidates = new ArrayList<>();
        for (int recency = 0; recency <= 300; recency += 5) {
            CustomerProfile profile = BASE.withRecency(recency);
            candidates.add(new Candidate(profile, Reference.probability(TestReleases.firstModel(),
                    profile.at("probe", DAY0))));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::probability));
        Candidate lowest = candidates.get(0);
        Candidate highest = candidates.get(candidates.size() - 1);
        double middle = (lowest.probability() + highest.probability()) / 2;
        Candidate between = candidates.stream()
                .filter(c -> c.probability() > lowest.probability() && c.probability() < highest.probability())
                .min(Comparator.comparingDouble(c -> Math.abs(c.probability() - middle))).orElseThrow();
        assertThat(highest.probability() - lowest.probability())
                .as("the synthetic model must separate recent from lapsed customers").isGreaterThan(0.3);
        high = highest.profile();
        band = between.profile();
        low = lowest.profile();
        threshold = (between.probability() + highest.probability()) / 2;
        hysteresis = threshold - (between.probability() + lowest.probability()) / 2;
    }

    private static ScoringSettings settings(double holdoutShare) {
        return ScoringSettings.defaults().withAlertHysteresis(hysteresis).withAlertCooldown(Duration.ofDays(30))
                .withHoldoutShare(holdoutShare);
    }

    @Test
    void oneAlertPerEpisodeThoughTheScoreWobblesAndANewEpisodeAfterRecoveryAndCoolDown() {
        try (ScoringHarness harness = new ScoringHarness(settings(0))) {
            harness.publish("current", TestReleases.first(threshold));
            double[] probabilities = new double[12];
            int i = 0;
            probabilities[i++] = send(harness, low, 0);
            probabilities[i++] = send(harness, band, 1);
            probabilities[i++] = send(harness, high, 2);   // crosses upward: alert 1
            List<ChurnAlert> first = harness.alerts.readValuesToList();
            probabilities[i++] = send(harness, band, 3);   // inside the band: the episode goes on
            probabilities[i++] = send(harness, high, 4);
            probabilities[i++] = send(harness, band, 5);
            probabilities[i++] = send(harness, high, 6);
            probabilities[i++] = send(harness, low, 10);   // recovered, but within the cool-down
            probabilities[i++] = send(harness, high, 11);  // still the same episode
            assertThat(harness.alerts.isEmpty()).isTrue();
            probabilities[i++] = send(harness, band, 40);  // cool-down over, but not below the band
            probabilities[i++] = send(harness, low, 45);   // recovered after the cool-down: the episode ends
            probabilities[i++] = send(harness, high, 46);  // a new crossing: alert 2
            List<ChurnAlert> second = harness.alerts.readValuesToList();

            assertThat(first).hasSize(1);
            ChurnAlert alert = first.get(0);
            assertThat(alert.getAlertId()).isEqualTo("c1:1");
            assertThat(alert.getCustomerId()).isEqualTo("c1");
            assertThat(alert.getProbability()).isEqualTo(probabilities[2]).isGreaterThanOrEqualTo(threshold);
            assertThat(alert.getPreviousProbability()).isEqualTo(probabilities[1]);
            assertThat(alert.getThreshold()).isEqualTo(threshold);
            assertThat(alert.getModelVersion()).isEqualTo(1L);
            assertThat(alert.getEventTime()).isEqualTo(DAY0.plus(Duration.ofDays(2)));
            assertThat(alert.getReasons()).hasSize(3);
            assertThat(alert.getTreatment()).isEqualTo(TreatmentGroup.TREATMENT);
            CustomerScore score = harness.scoreStore().get("c1");
            assertThat(alert.getSegment()).isNotNull();
            assertThat(second).extracting(ChurnAlert::getAlertId).containsExactly("c1:2");
            assertThat(second.get(0).getEventTime()).isEqualTo(DAY0.plus(Duration.ofDays(46)));
            assertThat(second.get(0).getValueAtRiskMinor()).isEqualTo(score.getValueAtRiskMinor()).isPositive();
            assertThat(probabilities[3]).isLessThan(threshold).isGreaterThanOrEqualTo(threshold - hysteresis);
            assertThat(probabilities[7]).isLessThan(threshold - hysteresis);
        }
    }

    @Test
    void episodesAreKeptPerCustomer() {
        try (ScoringHarness harness = new ScoringHarness(settings(0))) {
            harness.publish("current", TestReleases.first(threshold));
            send(harness, "a", high, 0);
            send(harness, "b", high, 0);
            send(harness, "a", high, 1);

            assertThat(harness.alerts.readValuesToList()).extracting(ChurnAlert::getAlertId)
                    .containsExactly("a:1", "b:1");
            KeyValueStore<String, ?> episodes = harness.driver.getKeyValueStore(ScoringTopology.ALERT_EPISODES_STORE);
            assertThat(episodes.get("a")).isNotNull();
            assertThat(episodes.get("nobody")).isNull();
        }
    }

    @Test
    void noAlertWithoutAReleaseAndNoneForAScoreBelowTheThreshold() {
        try (ScoringHarness harness = new ScoringHarness(settings(0))) {
            assertThat(harness.score(high.at("c1", DAY0)).getChurnProbability()).isNull();
            assertThat(harness.alerts.isEmpty()).isTrue();

            harness.publish("current", TestReleases.first(threshold));
            send(harness, low, 1);
            assertThat(harness.alerts.isEmpty()).isTrue();
            send(harness, high, 2);
            assertThat(harness.alerts.readValuesToList()).extracting(ChurnAlert::getAlertId).containsExactly("c1:1");
        }
    }

    @Test
    void holdoutCustomersAreStillAlertedButMarked() {
        try (ScoringHarness everyone = new ScoringHarness(settings(1.0));
             ScoringHarness nobody = new ScoringHarness(settings(0.0))) {
            everyone.publish("current", TestReleases.first(threshold));
            nobody.publish("current", TestReleases.first(threshold));
            send(everyone, high, 0);
            send(nobody, high, 0);

            assertThat(everyone.alerts.readValue().getTreatment()).isEqualTo(TreatmentGroup.HOLDOUT);
            assertThat(nobody.alerts.readValue().getTreatment()).isEqualTo(TreatmentGroup.TREATMENT);
        }
    }

    @Test
    void anOperatorShareOnTheSettingsTopicDecidesTheGroupOfLaterAlertsOnly() {
        String salt = ScoringSettings.defaults().holdoutSalt();
        try (ScoringHarness harness = new ScoringHarness(settings(0.1))) {
            harness.publish("current", TestReleases.first(threshold));

            // Absent: the configured share.
            Map<String, ChurnAlert> before = alertMany(harness, "before", 0);
            assertThat(before.values()).allSatisfy(alert -> assertThat(alert.getTreatment())
                    .isEqualTo(new HoldoutAssignment(0.1, salt).groupOf(alert.getCustomerId())));

            harness.setting(OperatorSettings.HOLDOUT_SHARE, "0.5");
            assertThat(harness.driver.<String, String>getKeyValueStore(ScoringTopology.OPERATOR_SETTINGS_STORE)
                    .get(OperatorSettings.HOLDOUT_SHARE)).isEqualTo("0.5");
            Map<String, ChurnAlert> after = alertMany(harness, "after", 1);
            HoldoutAssignment half = new HoldoutAssignment(0.5, salt);
            assertThat(after.values()).allSatisfy(alert -> assertThat(alert.getTreatment())
                    .isEqualTo(half.groupOf(alert.getCustomerId())));
            long heldOut = after.values().stream().filter(a -> a.getTreatment() == TreatmentGroup.HOLDOUT).count();
            assertThat(heldOut).as("a share of 0.5 over 200 customers").isBetween(70L, 130L);

            // The customers alerted before the change stay in their episode: no new alert, no new group.
            before.keySet().forEach(customer -> send(harness, customer, high, 2));
            assertThat(harness.alerts.isEmpty()).isTrue();

            harness.setting(OperatorSettings.HOLDOUT_SHARE, "1");
            assertThat(alertMany(harness, "all", 3).values()).extracting(ChurnAlert::getTreatment)
                    .containsOnly(TreatmentGroup.HOLDOUT);

            // Unparsable, then deleted (a tombstone): back to the configured share.
            harness.setting(OperatorSettings.HOLDOUT_SHARE, "lots");
            assertThat(alertMany(harness, "garbled", 4).values()).allSatisfy(alert -> assertThat(alert.getTreatment())
                    .isEqualTo(new HoldoutAssignment(0.1, salt).groupOf(alert.getCustomerId())));
            harness.setting(OperatorSettings.HOLDOUT_SHARE, "1");
            harness.setting(OperatorSettings.HOLDOUT_SHARE, null);
            Map<String, ChurnAlert> reset = alertMany(harness, "reset", 5);
            assertThat(reset.values()).allSatisfy(alert -> assertThat(alert.getTreatment())
                    .isEqualTo(new HoldoutAssignment(0.1, salt).groupOf(alert.getCustomerId())));
            assertThat(reset.values()).extracting(ChurnAlert::getTreatment).contains(TreatmentGroup.TREATMENT);
        }
    }

    /** 200 new customers crossing the threshold on {@code day}: their alerts by customer id. */
    private static Map<String, ChurnAlert> alertMany(ScoringHarness harness, String prefix, int day) {
        IntStream.range(0, 200).forEach(i -> send(harness, prefix + "-" + i, high, day));
        List<ChurnAlert> alerts = harness.alerts.readValuesToList();
        assertThat(alerts).hasSize(200);
        return alerts.stream().collect(Collectors.toMap(ChurnAlert::getCustomerId, Function.identity()));
    }

    private static double send(ScoringHarness harness, CustomerProfile profile, int day) {
        return send(harness, "c1", profile, day);
    }

    private static double send(ScoringHarness harness, String customer, CustomerProfile profile, int day) {
        return harness.score(profile.at(customer, DAY0.plus(Duration.ofDays(day)))).getChurnProbability();
    }

    private record Candidate(CustomerProfile profile, double probability) {
    }
}
