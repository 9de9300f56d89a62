package io.churnwatch.streams.features;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static io.churnwatch.streams.TestOrders.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologySettings;

class FeaturesTopologyTest {

    private static TopologySettings graceZero() {
        return TestSettings.immediateWithoutTimers();
    }

    @Test
    void everyPurchaseEmitsTheCustomersFeaturesAsOfItsEventTime() {
        try (TopologyHarness app = new TopologyHarness(graceZero())) {
            app.send(purchase("o1", "c1", "2011-03-01T10:00:00Z", line("A", 2, 150), line("B", 1, 300)));
            app.send(purchase("o2", "c1", "2011-03-11T10:00:00Z", line("A", 1, 150)));
            app.send(purchase("o3", "c1", "2011-03-31T10:00:00Z", line("C", 4, 100)));

            List<KeyValue<String, CustomerFeatures>> out = app.readFeatures();
            assertThat(out).hasSize(3).allMatch(kv -> kv.key.equals("c1"));
            CustomerFeatures first = out.get(0).value;
            assertThat(first.getOrders()).isEqualTo(1);
            assertThat(first.getGrossRevenueMinor()).isEqualTo(600);
            assertThat(first.getInterPurchaseDaysMean()).isNull();
            assertThat(first.getItemsPerOrder()).isEqualTo(3.0);

            CustomerFeatures last = out.get(2).value;
            assertThat(last.getAsOf()).isEqualTo(Instant.parse("2011-03-31T10:00:00Z"));
            assertThat(last.getOrders()).isEqualTo(3);
            assertThat(last.getGrossRevenueMinor()).isEqualTo(1150);
            assertThat(last.getAvgOrderValueMinor()).isEqualTo(383);
            assertThat(last.getItemsPerOrder()).isCloseTo(8 / 3.0, within(1e-12));
            assertThat(last.getInterPurchaseDaysMean()).isCloseTo(15.0, within(1e-9));
            assertThat(last.getInterPurchaseDaysStd()).isCloseTo(Math.sqrt(50), within(1e-9));
            assertThat(last.getDistinctProducts()).isEqualTo(3);
            assertThat(last.getRecencyDays()).isEqualTo(0.0);
            assertThat(last.getTenureDays()).isCloseTo(30.0, within(1e-9));
            // (asOf - 30 days, asOf] by day: 1 March is day asOf-30, so it falls out of the 30-day window.
            assertThat(last.getRevenue30dMinor()).isEqualTo(550);
            assertThat(last.getOrders30d()).isEqualTo(2);
            assertThat(last.getRevenue90dMinor()).isEqualTo(1150);
            assertThat(last.getRevenuePrev90dMinor()).isZero();
            assertThat(last.getRevenueTrend90d()).isEqualTo(1.0);
            assertThat(last.getCountry()).isEqualTo("United Kingdom");
            assertThat(last.getCurrency()).isEqualTo("GBP");
        }
    }

    @Test
    void returnsCountByOrdersAndByValueWithoutTouchingPurchases() {
        try (TopologyHarness app = new TopologyHarness(graceZero())) {
            app.send(purchase("o1", "c1", "2011-03-01T10:00:00Z", line("A", 2, 500)));
            app.send(purchase("o2", "c1", "2011-03-05T10:00:00Z", line("B", 1, 1000)));
            app.send(returned("r1", "c1", "2011-03-07T10:00:00Z", line("A", 1, 500)));

            CustomerFeatures afterReturn = app.readFeatures().get(2).value;
            assertThat(afterReturn.getOrders()).isEqualTo(2);
            assertThat(afterReturn.getReturnOrders()).isEqualTo(1);
            assertThat(afterReturn.getGrossRevenueMinor()).isEqualTo(2000);
            assertThat(afterReturn.getReturnedValueMinor()).isEqualTo(500);
            assertThat(afterReturn.getReturnRateOrders()).isCloseTo(1 / 3.0, within(1e-12));
            assertThat(afterReturn.getReturnRateValue()).isEqualTo(0.25);
            assertThat(afterReturn.getLastPurchaseTime()).isEqualTo(Instant.parse("2011-03-05T10:00:00Z"));
            assertThat(afterReturn.getRecencyDays()).isCloseTo(2.0, within(1e-9));
            assertThat(afterReturn.getDistinctProducts()).isEqualTo(2);
        }
    }

    @Test
    void aCustomerWithOnlyReturnsHasNoPurchaseTimes() {
        try (TopologyHarness app = new TopologyHarness(graceZero())) {
            app.send(returned("r1", "c9", "2011-03-07T10:00:00Z", line("A", 1, 500)));
            CustomerFeatures features = app.readFeatures().get(0).value;
            assertThat(features.getOrders()).isZero();
            assertThat(features.getReturnOrders()).isEqualTo(1);
            assertThat(features.getFirstPurchaseTime()).isNull();
            assertThat(features.getRecencyDays()).isNull();
            assertThat(features.getReturnRateOrders()).isEqualTo(1.0);
            assertThat(features.getReturnRateValue()).isZero();
        }
    }

    @Test
    void trendComparesTheLastNinetyDaysWithTheNinetyBefore() {
        try (TopologyHarness app = new TopologyHarness(graceZero())) {
            app.send(purchase("o1", "c1", "2011-01-10T10:00:00Z", line("A", 1, 3000)));
            app.send(purchase("o2", "c1", "2011-05-10T10:00:00Z", line("A", 1, 1000)));
            CustomerFeatures features = app.readFeatures().get(1).value;
            assertThat(features.getRevenue90dMinor()).isEqualTo(1000);
            assertThat(features.getRevenuePrev90dMinor()).isEqualTo(3000);
            assertThat(features.getOrdersPrev90d()).isEqualTo(1);
            assertThat(features.getRevenue180dMinor()).isEqualTo(4000);
            assertThat(features.getRevenueTrend90d()).isEqualTo(-0.5);
        }
    }
}
