package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.Reason;
import io.churnwatch.schemas.TreatmentGroup;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnwatchTest {

    @Test
    void usageListsEveryCommand() {
        assertThat(Churnwatch.usage()).contains("demo", "cluster", "broker", "registry", "replay", "serve", "train",
                "streams", "--help");
    }

    @Test
    void anAlertReadsAsOneLineOfFactsAndOneOfReasons() {
        ChurnAlert alert = ChurnAlert.newBuilder().setAlertId("17392:1").setCustomerId("17392").setProbability(0.514)
                .setPreviousProbability(0.38).setThreshold(0.42)
                .setReasons(List.of(new Reason("recency_days", 94.0, 0.8, "No purchase for 94 days"),
                        new Reason("month", 12.0, 0.2, "December makes lapsing more likely"),
                        new Reason("orders", 3.0, 0.1, "Only 3 orders")))
                .setSegment("Loyal").setValueAtRiskMinor(14945).setModelVersion(1)
                .setEventTime(Instant.parse("2011-03-01T00:00:00Z")).setTreatment(TreatmentGroup.HOLDOUT).build();

        String text = OutputWatcher.describe(alert);

        assertThat(text).contains("customer 17392", "p=0.51 (was 0.38)", "£149.45", "Loyal", "HOLDOUT",
                "No purchase for 94 days; December makes lapsing more likely").doesNotContain("Only 3 orders");
    }
}
