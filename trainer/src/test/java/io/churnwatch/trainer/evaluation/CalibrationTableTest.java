package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTableTest {

    @Test
    void twentyDistinctPredictionsMakeTenBinsOfTwo() {
        double[] predicted = new double[20];
        boolean[] churned = new boolean[20];
        for (int i = 0; i < 20; i++) {
            predicted[19 - i] = (i + 0.5) / 20; // given in descending order, to check the table sorts
            churned[19 - i] = i >= 10 && i % 2 == 0 || i >= 16;
        }
        List<CalibrationBin> bins = CalibrationTable.deciles(predicted, churned).bins();

        assertThat(bins).hasSize(10);
        for (int b = 0; b < 10; b++) {
            CalibrationBin bin = bins.get(b);
            assertThat(bin.bin()).isEqualTo(b);
            assertThat(bin.count()).isEqualTo(2);
            assertThat(bin.minPredicted()).isCloseTo((2 * b + 0.5) / 20, within(1e-15));
            assertThat(bin.maxPredicted()).isCloseTo((2 * b + 1.5) / 20, within(1e-15));
            assertThat(bin.meanPredicted()).isCloseTo((2 * b + 1.0) / 20, within(1e-15));
        }
        // Ascending ranks 10..15: every even one churned -> one per bin; 16..19 all churned.
        assertThat(bins.stream().map(CalibrationBin::observedRate).toList())
                .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 1.0, 1.0);
    }

    @Test
    void tiedPredictionsShareABin() {
        double[] predicted = {0.1, 0.5, 0.1, 0.1};
        boolean[] churned = {false, true, true, false};
        List<CalibrationBin> bins = CalibrationTable.of(predicted, churned, 2).bins();
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).count()).isEqualTo(3);
        assertThat(bins.get(0).minPredicted()).isEqualTo(0.1);
        assertThat(bins.get(0).maxPredicted()).isEqualTo(0.1);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.1, within(1e-15));
        assertThat(bins.get(0).observedRate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(bins.get(1)).isEqualTo(new CalibrationBin(1, 1, 0.5, 0.5, 0.5, 1.0));
    }

    @Test
    void allEqualPredictionsMakeOneBin() {
        CalibrationTable table = CalibrationTable.deciles(new double[] {0.3, 0.3, 0.3, 0.3},
                new boolean[] {true, false, false, false});
        assertThat(table.bins()).hasSize(1);
        assertThat(table.bins().get(0).count()).isEqualTo(4);
        assertThat(table.bins().get(0).meanPredicted()).isCloseTo(0.3, within(1e-15));
        assertThat(table.bins().get(0).observedRate()).isEqualTo(0.25);
        assertThat(table.expectedCalibrationError()).isCloseTo(0.05, within(1e-15));
    }
}
