package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.TreatmentGroup;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.treatment.HoldoutAssignment;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.testing.KafkaTestCluster;
import io.churnwatch.trainer.release.ReleasePublisher;

/**
 * The control group as a CRM sees it: a node alerts 1,500 lapsing customers, and the share of those alerts marked
 * HOLDOUT lies within four binomial standard deviations of the configured share, for the default (10%) and for
 * 25%. Each alert's group is the one {@link HoldoutAssignment} gives its customer, so the share measured on the
 * ids alone over a much larger population (also checked here) is the share of alerts too.
 */
class HoldoutShareTest {

    private static final int LAPSING = 1_500;
    private static final double STANDARD_DEVIATIONS = 4;

    /** 0 stands for "not configured": the node's default. */
    @ParameterizedTest(name = "holdout share {0} (0 = default)")
    @ValueSource(doubles = {0, 0.25})
    void theHoldoutShareOfAlertsIsTheConfiguredOne(double configuredShare) {
        ScoringSettings defaults = ScoringSettings.defaults();
        double share = configuredShare == 0 ? defaults.holdoutShare() : configuredShare;
        LapseScenario scenario = LapseScenario.of("holdout", LAPSING, 0, 24, 200);
        String registry = "mock://holdout-" + UUID.randomUUID();
        String applicationId = "serving-holdout-" + UUID.randomUUID();

        // A broker per share: the topics are fixed names, and each run needs its own orders and alerts.
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            try (ReleasePublisher publisher = new ReleasePublisher(kafka.bootstrapServers(), registry, (short) 1)) {
                publisher.publish(TestRelease.build(1));
            }
            Map<String, Object> settings = new HashMap<>(Map.of(
                    "churnwatch.bootstrap-servers", kafka.bootstrapServers(),
                    "churnwatch.schema-registry-url", registry,
                    "churnwatch.application-id", applicationId,
                    "churnwatch.snapshot-cutoffs", "every-3650-days",
                    "churnwatch.label-horizon-days", "0"));
            if (configuredShare != 0) {
                settings.put("churnwatch.holdout-share", String.valueOf(configuredShare));
            }
            List<ChurnAlert> alerts;
            try (NodeHarness node = NodeHarness.start(settings)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> node.get("/health").status() == 200);
                Orders.send(kafka, registry, scenario.orders());
                String repartition = applicationId + "-" + ChurnwatchTopology.REPARTITION_NAME + "-repartition";
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        CommittedAlerts.consumedToEnd(kafka.admin(), applicationId, Topics.ORDERS, repartition));
                alerts = CommittedAlerts.readAll(kafka, registry);
            }

            Set<String> alerted = alerts.stream().map(ChurnAlert::getCustomerId).collect(Collectors.toSet());
            assertThat(alerted).containsExactlyInAnyOrderElementsOf(scenario.alertedCustomers());
            assertThat(alerts).hasSize(LAPSING);
            HoldoutAssignment holdout = new HoldoutAssignment(share, defaults.holdoutSalt());
            assertThat(alerts).allSatisfy(alert ->
                    assertThat(alert.getTreatment()).isEqualTo(holdout.groupOf(alert.getCustomerId())));
            long heldOut = alerts.stream().filter(alert -> alert.getTreatment() == TreatmentGroup.HOLDOUT).count();
            assertThat(heldOut / (double) LAPSING).as("%d of %d alerts held out", heldOut, LAPSING)
                    .isCloseTo(share, within(tolerance(share, LAPSING)));
        }
    }

    @ParameterizedTest(name = "holdout share {0}")
    @ValueSource(doubles = {0.10, 0.25})
    void overAHundredThousandIdsTheShareIsWithinSamplingError(double share) {
        int ids = 100_000;
        HoldoutAssignment holdout = new HoldoutAssignment(share, ScoringSettings.defaults().holdoutSalt());
        long heldOut = IntStream.range(0, ids).mapToObj(i -> "customer-" + i)
                .filter(id -> holdout.groupOf(id) == TreatmentGroup.HOLDOUT).count();
        assertThat(heldOut / (double) ids).isCloseTo(share, within(tolerance(share, ids)));
    }

    /** Four standard deviations of a binomial share: a correct assignment fails about once in 16,000 draws. */
    private static double tolerance(double share, int n) {
        return STANDARD_DEVIATIONS * Math.sqrt(share * (1 - share) / n);
    }
}
