package io.churnwatch.producers.onlineretail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The complete Online Retail II file, when it is beside the project (../shared/data, not part of a clone).
 * Checks the importer against the figures the data set's README documents.
 */
class FullDataSetTest {

    private static final Path FULL = ProjectSample.onlineRetailII().getParent().getParent().getParent()
            .resolveSibling("shared").resolve("data").resolve("online_retail_II.csv.gz");

    @Test
    void readsTheWholeDataSet() {
        assumeTrue(Files.isRegularFile(FULL), "the full data set is not beside the project: " + FULL);

        long previous = Long.MIN_VALUE;
        boolean sorted = true;
        try (OnlineRetailReader reader = OnlineRetailReader.open(FULL)) {
            while (reader.hasNext()) {
                OrderEvent event = reader.next();
                long time = event.getEventTime().toEpochMilli();
                sorted &= time >= previous;
                previous = time;
            }
            ImportSummary summary = reader.summary();
            assertThat(summary.inputLines()).isEqualTo(1_067_371);
            assertThat(summary.inputCustomers()).isEqualTo(5_942);
            assertThat(summary.skipped(SkipReason.MALFORMED_ROW)).isZero();
            assertThat(summary.skipped(SkipReason.BAD_DEBT_ADJUSTMENT)).isEqualTo(6);
            assertThat(summary.skipped(SkipReason.DUPLICATE_LINE)
                    + summary.skipped(SkipReason.NO_CUSTOMER_ID)).isGreaterThanOrEqualTo(243_007);
            assertThat(summary.customers()).isLessThanOrEqualTo(5_942).isGreaterThan(5_800);
            assertThat(summary.orders()).isLessThan(53_628);
        }
        assertThat(sorted).isTrue();
    }
}
