package io.churnwatch.producers.onlineretail;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.producers.source.CsvRecord;
import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.InputFile;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed real-data sample, read by the importer and checked against a deliberately naive second reading:
 * the whole file in memory, the second sheet found where the dates jump back, its rows up to the first sheet's
 * last date dropped if their invoice is in the first sheet.
 */
class ProjectSampleTest {

    private static ImportResult imported;
    private static Expected expected;

    @BeforeAll
    static void readSample() {
        Path sample = ProjectSample.onlineRetailII();
        imported = OnlineRetailReader.readAll(sample);
        expected = Expected.of(sample);
    }

    @Test
    void sampleHasTheShapeItsReadmePromises() {
        assertThat(expected.rows).isGreaterThan(40_000);
        assertThat(expected.duplicates).as("the overlap of the two sheets is kept in the sample").isPositive();
        assertThat(expected.inputCustomers).isBetween(350, 450);
    }

    @Test
    void importerAgreesWithTheNaiveReading() {
        ImportSummary summary = imported.summary();
        assertThat(summary.inputLines()).isEqualTo(expected.rows);
        assertThat(summary.skipped(SkipReason.DUPLICATE_LINE)).isEqualTo(expected.duplicates);
        assertThat(summary.purchases()).isEqualTo(expected.purchaseInvoices.size());
        assertThat(summary.returns()).isEqualTo(expected.returnInvoices.size());
        assertThat(summary.emittedLines()).isEqualTo(expected.keptLines);
        assertThat(summary.customers()).isEqualTo(expected.customers.size());
        assertThat(summary.inputCustomers()).isEqualTo(expected.inputCustomers);
        assertThat(summary.purchaseValueMinor()).isEqualTo(expected.purchaseValue);
        assertThat(summary.returnValueMinor()).isEqualTo(expected.returnValue);
        assertThat(summary.skipped(SkipReason.MALFORMED_ROW)).isZero();
    }

    @Test
    void eventsAreInEventTimeOrderAndWellFormed() {
        List<OrderEvent> events = imported.events();
        assertThat(events.stream().map(OrderEvent::getEventTime).toList()).isSorted();
        assertThat(imported.summary().outOfOrder()).isZero();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getCustomerId()).matches("\\d+");
            assertThat(event.getLines()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.getQuantity()).isPositive();
                assertThat(line.getUnitPriceMinor()).isPositive();
            });
            assertThat(event.getKind() == OrderKind.RETURN).isEqualTo(event.getOrderId().startsWith("C"));
        });
        assertThat(events.get(0).getEventTime()).isBefore(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(events.get(events.size() - 1).getEventTime()).isAfter(Instant.parse("2011-12-01T00:00:00Z"));
        assertThat(events.stream().map(OrderEvent::getOrderId).distinct().count()).isEqualTo(events.size());
    }

    /** The second, naive reading. */
    private static final class Expected {
        long rows;
        long duplicates;
        long keptLines;
        long purchaseValue;
        long returnValue;
        int inputCustomers;
        final Set<String> purchaseInvoices = new HashSet<>();
        final Set<String> returnInvoices = new HashSet<>();
        final Set<String> customers = new HashSet<>();

        static Expected of(Path sample) {
            List<String[]> rows = new ArrayList<>();
            try (InputFile file = InputFile.open(sample)) {
                file.records().next();
                CsvRecord record;
                while ((record = file.records().next()) != null) {
                    rows.add(record.fields());
                }
            }
            int secondSheet = rows.size();
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i)[4].compareTo(rows.get(i - 1)[4]) < 0) {
                    secondSheet = i;
                    break;
                }
            }
            Set<String> firstSheetInvoices = new HashSet<>();
            String firstSheetEnd = "";
            for (int i = 0; i < secondSheet; i++) {
                firstSheetInvoices.add(rows.get(i)[0]);
                firstSheetEnd = rows.get(i)[4];
            }
            Expected e = new Expected();
            e.rows = rows.size();
            Set<String> inputCustomers = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                if (i >= secondSheet && r[4].compareTo(firstSheetEnd) <= 0 && firstSheetInvoices.contains(r[0])) {
                    e.duplicates++;
                    continue;
                }
                if (!r[6].isEmpty()) {
                    inputCustomers.add(r[6]);
                }
                e.keep(r);
            }
            e.inputCustomers = inputCustomers.size();
            return e;
        }

        private void keep(String[] r) {
            boolean isReturn = r[0].startsWith("C");
            int quantity = Integer.parseInt(r[3]);
            long pence = new BigDecimal(r[5]).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
            if (r[0].startsWith("A") || r[6].isEmpty() || NonProductCodes.isNonProduct(r[1]) || pence <= 0
                    || (isReturn ? quantity >= 0 : quantity <= 0)) {
                return;
            }
            keptLines++;
            customers.add(r[6]);
            if (isReturn) {
                returnInvoices.add(r[0]);
                returnValue += -quantity * pence;
            } else {
                purchaseInvoices.add(r[0]);
                purchaseValue += quantity * pence;
            }
        }
    }
}
