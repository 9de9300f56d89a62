package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerValueModelTest {

    private final CustomerValueModel model = new CustomerValueModel(
            BgNbdModel.of(BgNbdModelTest.CDNOW), GammaGammaModel.of(GammaGammaModelTest.CDNOW_SPEND));

    @Test
    void expectedRevenueIsExpectedPurchasesTimesExpectedSpend() {
        double purchases = 1.226; // FHL's published CDNOW figure for this customer, to 3 decimals
        double spend = (15.44 + 2 * 25.0) * 6.25 / (6.25 * 2 + 3.74 - 1);
        assertThat(model.expectedRevenue(39, 2, 30.43, 38.86, 25.0))
                .isCloseTo(purchases * spend, within(0.0005 * spend));
    }

    @Test
    void evaluationGathersTheSameNumbersAsTheSingleMethods() {
        CustomerValue value = model.evaluate(13, 3, 20, 39, 42.0);
        BgNbdModel purchases = model.purchases();
        assertThat(value.horizon()).isEqualTo(13);
        assertThat(value.probabilityAlive()).isEqualTo(purchases.probabilityAlive(3, 20, 39));
        assertThat(value.probabilityNoPurchase()).isEqualTo(purchases.probabilityNoPurchase(13, 3, 20, 39));
        assertThat(value.expectedPurchases()).isEqualTo(purchases.expectedPurchases(13, 3, 20, 39));
        assertThat(value.expectedSpend()).isEqualTo(model.spend().conditionalExpectedValue(3, 42.0));
        assertThat(value.expectedRevenue()).isEqualTo(model.expectedRevenue(13, 3, 20, 39, 42.0));
    }

    @Test
    void newCustomerIsValuedAtThePopulationSpend() {
        CustomerValue value = model.evaluate(39, 0, 0, 10, 0);
        assertThat(value.expectedSpend()).isEqualTo(GammaGammaModelTest.CDNOW_SPEND.populationMeanSpend());
        assertThat(value.expectedRevenue()).isPositive();
    }

    @Test
    void parametersRoundTripThroughTheFlatReleaseShape() {
        ValueModelParameters flat = model.parameters();
        assertThat(flat).isEqualTo(new ValueModelParameters(0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44));
        CustomerValueModel rebuilt = CustomerValueModel.of(flat);
        assertThat(rebuilt.expectedRevenue(39, 2, 30.43, 38.86, 25.0))
                .isEqualTo(model.expectedRevenue(39, 2, 30.43, 38.86, 25.0));
    }
}
