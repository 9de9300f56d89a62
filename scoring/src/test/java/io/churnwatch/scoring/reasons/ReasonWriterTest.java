package io.churnwatch.scoring.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.scoring.fixtures.CustomerProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReasonWriterTest {

    private static final Instant AS_OF = Instant.parse("2011-03-15T00:00:00Z");
    /** Five orders 21 days apart, the last 94 days ago. */
    private static final CustomerFeatures REGULAR = new CustomerProfile(5, 94 + 4 * 21, 94, 2550, 1).at("c", AS_OF);
    private static final CustomerFeatures ONE_ORDER = new CustomerProfile(1, 94, 94, 2550, 0).at("c", AS_OF);

    @Test
    void recencyIsSetAgainstTheCustomersOwnRhythm() {
        assertThat(write("recency_days", 94, REGULAR))
                .isEqualTo("No purchase for 94 days; this customer usually buys every 21 days");
        assertThat(write("recency_days", 94, ONE_ORDER)).isEqualTo("No purchase for 94 days");
        assertThat(write("recency_over_mean_gap", 94 / 21.0, REGULAR))
                .isEqualTo("94 days since the last purchase: 4.5 times their usual gap of 21 days");
        assertThat(write("recency_over_mean_gap", Double.NaN, ONE_ORDER))
                .isEqualTo("Only one purchase, so no usual buying rhythm yet");
    }

    @Test
    void moneyIsInTheCustomersCurrency() {
        assertThat(write("gross_revenue_minor", 1_234_550, REGULAR)).isEqualTo("Spent £12,345.50 in total");
        assertThat(write("revenue_90d_minor", 0, REGULAR)).isEqualTo("Nothing spent in the last 90 days");
        CustomerFeatures euro = CustomerFeatures.newBuilder(REGULAR).setCurrency("EUR").build();
        assertThat(write("avg_order_value_minor", 2550, euro)).isEqualTo("Average order of €25.50");
        CustomerFeatures yen = CustomerFeatures.newBuilder(REGULAR).setCurrency("JPY").build();
        assertThat(write("avg_order_value_minor", 2550, yen)).isEqualTo("Average order of JPY 2,550");
    }

    @Test
    void countsAndShares() {
        assertThat(write("orders", 1, ONE_ORDER)).isEqualTo("Only one order so far");
        assertThat(write("orders_90d", 0, REGULAR)).isEqualTo("No orders in the last 90 days");
        assertThat(write("orders_365d", 2, REGULAR)).isEqualTo("2 orders in the last 365 days");
        assertThat(write("return_rate_orders", 1 / 6.0, REGULAR)).isEqualTo("Returned 17% of their orders");
        assertThat(write("tenure_days", 400, REGULAR)).isEqualTo("Customer for 1.1 years");
    }

    @Test
    void theValueModelsOutputsSayWhatTheyForecast() {
        assertThat(ReasonWriter.write("bgnbd_p_no_purchase_h", 0.853, 1, REGULAR, 90))
                .isEqualTo("85% chance of no purchase in the next 90 days, judging by their buying pattern");
        assertThat(ReasonWriter.write("bgnbd_expected_purchases_h", 0.26, -1, REGULAR, 90))
                .isEqualTo("Expected to buy about 0.3 times in the next 90 days");
    }

    @Test
    void trendAndSeasonUseTheDirection() {
        CustomerFeatures falling = CustomerFeatures.newBuilder(REGULAR).setRevenue90dMinor(1000)
                .setRevenuePrev90dMinor(5000).build();
        assertThat(write("revenue_trend_90d", -0.67, falling))
                .isEqualTo("Spending fell: £10.00 in the last 90 days against £50.00 in the 90 days before");
        assertThat(ReasonWriter.write("month", 12, 0.2, REGULAR, 90))
                .isEqualTo("The time of year (December) makes lapsing more likely");
        assertThat(ReasonWriter.write("month", 12, -0.2, REGULAR, 90))
                .isEqualTo("The time of year (December) makes lapsing less likely");
    }

    @Test
    void aFeatureThisVersionDoesNotKnowStillReads() {
        assertThat(write("shoe_size", 42, REGULAR)).isEqualTo("shoe size is 42");
    }

    private static String write(String feature, double value, CustomerFeatures customer) {
        return ReasonWriter.write(feature, value, 0.5, customer, 90);
    }

    @Test
    void numbersHaveOneDecimalAtMostAndNoNegativeZero() {
        assertThat(ReasonWriter.number(4.47)).isEqualTo("4.5");
        assertThat(ReasonWriter.number(4.04)).isEqualTo("4");
        assertThat(ReasonWriter.number(12)).isEqualTo("12");
        assertThat(ReasonWriter.number(-2.25)).isEqualTo("-2.3");
        assertThat(ReasonWriter.number(-0.04)).isEqualTo("0");
        assertThat(ReasonWriter.number(1234567.89)).isEqualTo("1234567.9");
    }
}
