package io.churnwatch.producers.onlineretail;

import static io.churnwatch.producers.onlineretail.OnlineRetailFiles.HEADER_I;
import static io.churnwatch.producers.onlineretail.OnlineRetailFiles.HEADER_II;
import static io.churnwatch.producers.onlineretail.OnlineRetailFiles.line;
import static io.churnwatch.producers.onlineretail.OnlineRetailFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.InvalidInputException;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineRetailReaderTest {

    @TempDir
    Path dir;

    private ImportResult read(String... lines) {
        return OnlineRetailReader.readAll(write(dir, "retail.csv", HEADER_II, lines));
    }

    private static OrderEvent byId(ImportResult result, String orderId) {
        return result.events().stream().filter(e -> e.getOrderId().equals(orderId)).findFirst().orElseThrow();
    }

    @Test
    void groupsInterleavedLinesOfAnInvoiceIntoOneOrder() {
        ImportResult result = read(
                line("489461", "21668", 24, "2009-12-01 10:49:00", "1.25", "17865"),
                line("489461", "21669", 24, "2009-12-01 10:49:00", "1.25", "17865"),
                line("489462", "90200D", 3, "2009-12-01 10:49:00", "4.25", "17592"),
                line("489461", "21212", 24, "2009-12-01 10:49:00", "0.55", "17865"),
                line("489462", "90200A", 3, "2009-12-01 10:50:00", "4.25", "17592"));

        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("489461", "489462");
        OrderEvent first = byId(result, "489461");
        assertThat(first.getLines()).extracting(OrderLine::getSku).containsExactly("21668", "21669", "21212");
        assertThat(first.getCustomerId()).isEqualTo("17865");
        assertThat(first.getKind()).isEqualTo(OrderKind.PURCHASE);
        assertThat(first.getCurrency()).isEqualTo("GBP");
        assertThat(first.getCountry()).isEqualTo("United Kingdom");
        assertThat(byId(result, "489462").getLines()).hasSize(2);
        assertThat(result.summary().emittedLines()).isEqualTo(5);
    }

    @Test
    void turnsCancellationsIntoReturnsWithPositiveQuantities() {
        ImportResult result = read(
                line("489434", "85048", 12, "2009-12-01 07:45:00", "6.95", "13085"),
                line("C489449", "22087", -12, "2009-12-01 10:33:00", "2.95", "13085"),
                line("C489449", "85206A", -6, "2009-12-01 10:33:00", "1.65", "13085"));

        OrderEvent refund = byId(result, "C489449");
        assertThat(refund.getKind()).isEqualTo(OrderKind.RETURN);
        assertThat(refund.getLines()).extracting(OrderLine::getQuantity).containsExactly(12, 6);
        assertThat(refund.getLines()).extracting(OrderLine::getUnitPriceMinor).containsExactly(295L, 165L);
        assertThat(result.summary().purchases()).isEqualTo(1);
        assertThat(result.summary().returns()).isEqualTo(1);
        assertThat(result.summary().returnValueMinor()).isEqualTo(12 * 295 + 6 * 165);
    }

    @Test
    void dropsTheRepeatOfAnInvoiceThatAppearsAgainLaterInTheFile() {
        // Like Online Retail II: the first sheet ends, the second restarts a week earlier with the same invoices.
        String a1 = line("536365", "85123A", 6, "2010-12-01 08:26:00", "2.55", "17850");
        String a2 = line("536365", "71053", 6, "2010-12-01 08:26:00", "3.39", "17850");
        String twice = line("536365", "22752", 2, "2010-12-01 08:26:00", "7.65", "17850");
        String b1 = line("536366", "22633", 6, "2010-12-01 08:28:00", "1.85", "17850");
        String c1 = line("537000", "22633", 6, "2010-12-09 20:01:00", "1.85", "12345");
        String d1 = line("537100", "22633", 1, "2010-12-10 09:00:00", "1.85", "12345");

        ImportResult result = read(a1, a2, twice, twice, b1, c1, a1, a2, twice, twice, b1, c1, d1);

        assertThat(result.events()).extracting(OrderEvent::getOrderId)
                .containsExactly("536365", "536366", "537000", "537100");
        assertThat(byId(result, "536365").getLines())
                .as("a line an invoice really holds twice is kept twice, but only once per sheet")
                .extracting(OrderLine::getSku).containsExactly("85123A", "71053", "22752", "22752");
        ImportSummary summary = result.summary();
        assertThat(summary.skipped(SkipReason.DUPLICATE_LINE)).isEqualTo(6);
        assertThat(summary.emittedLines()).isEqualTo(7);
        assertThat(summary.inputLines()).isEqualTo(13);
        assertThat(summary.outOfOrder()).isZero();
    }

    @Test
    void sendsNewLinesOfAnAlreadySentInvoiceAsAContinuationOrder() {
        ImportResult result = read(
                line("600001", "22633", 6, "2011-01-10 10:00:00", "1.85", "12345"),
                line("600002", "22634", 1, "2011-01-10 12:00:00", "1.85", "12346"),
                line("600001", "22633", 6, "2011-01-10 10:00:00", "1.85", "12345"),
                line("600001", "99999", 1, "2011-01-10 10:00:00", "5.00", "12345"));

        assertThat(result.events()).extracting(OrderEvent::getOrderId).contains("600001", "600001-2", "600002");
        assertThat(byId(result, "600001-2").getLines()).extracting(OrderLine::getSku).containsExactly("99999");
        assertThat(result.summary().skipped(SkipReason.DUPLICATE_LINE)).isEqualTo(1);
    }

    @Test
    void countsEverySkipReason() {
        ImportResult result = read(
                line("A563185", "B", 1, "2011-08-12 14:50:00", "11062.06", ""),
                line("X12345", "22633", 1, "2011-08-12 14:51:00", "1.00", "12345"),
                line("563186", "22633", 5, "2011-08-12 14:52:00", "1.00", ""),
                line("563187", "POST", 1, "2011-08-12 14:53:00", "18.00", "12345"),
                line("563187", "M", 1, "2011-08-12 14:53:00", "2.55", "12345"),
                line("563187", "gift_0001_20", 1, "2011-08-12 14:53:00", "16.67", "12345"),
                line("563187", "22633", 4, "2011-08-12 14:53:00", "0", "12345"),
                line("563187", "22634", 4, "2011-08-12 14:53:00", "0.001", "12345"),
                line("563188", "22633", -4, "2011-08-12 14:54:00", "1.00", "12345"),
                line("C563189", "22633", 4, "2011-08-12 14:55:00", "1.00", "12345"),
                "563190,22633,ITEM,four,2011-08-12 14:56:00,1.00,12345,United Kingdom",
                "563191,22633,ITEM,1,yesterday,1.00,12345,United Kingdom",
                "563192,22633,ITEM,1,2011-08-12 14:56:00,1.00,12345",
                line("563193", "22633", 1, "2011-08-12 14:57:00", "1.00", "12345"));

        ImportSummary summary = result.summary();
        assertThat(summary.skipped(SkipReason.BAD_DEBT_ADJUSTMENT)).isEqualTo(1);
        assertThat(summary.skipped(SkipReason.UNKNOWN_INVOICE_TYPE)).isEqualTo(1);
        assertThat(summary.skipped(SkipReason.NO_CUSTOMER_ID)).isEqualTo(1);
        assertThat(summary.skipped(SkipReason.NON_PRODUCT_CODE)).isEqualTo(3);
        assertThat(summary.skipped(SkipReason.NON_POSITIVE_PRICE)).isEqualTo(2);
        assertThat(summary.skipped(SkipReason.UNEXPECTED_QUANTITY_SIGN)).isEqualTo(2);
        assertThat(summary.skipped(SkipReason.MALFORMED_ROW)).isEqualTo(3);
        assertThat(summary.skippedTotal()).isEqualTo(13);
        assertThat(summary.problems()).containsExactly(
                "line 12: quantity 'four' is not a whole number",
                "line 13: InvoiceDate 'yesterday' is neither yyyy-MM-dd HH:mm[:ss] nor M/d/yyyy H:mm[:ss]",
                "line 14: expected 8 fields, found 7");
        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("563193");
        assertThat(summary.inputCustomers()).as("customer 12345 is in the input").isEqualTo(1);
    }

    @Test
    void roundsThreeDecimalPricesHalfUpToPence() {
        ImportResult result = read(
                line("500001", "21212", 100, "2010-03-01 09:00:00", "0.415", "12345"),
                line("500001", "21213", 100, "2010-03-01 09:00:00", "0.414", "12345"),
                line("500001", "21214", 1, "2010-03-01 09:00:00", "2.1", "12345"));

        assertThat(result.events().get(0).getLines()).extracting(OrderLine::getUnitPriceMinor)
                .containsExactly(42L, 41L, 210L);
        assertThat(result.summary().purchaseValueMinor()).isEqualTo(4200 + 4100 + 210);
    }

    @Test
    void readsInvoiceDatesAsUkLocalTimeInSummerAndWinter() {
        ImportResult result = read(
                line("540001", "21212", 1, "2011-01-10 10:00:00", "1.00", "12345"),
                line("560001", "21212", 1, "2011-06-01 10:00:00", "1.00", "12345"));

        assertThat(byId(result, "540001").getEventTime()).isEqualTo(Instant.parse("2011-01-10T10:00:00Z"));
        assertThat(byId(result, "560001").getEventTime()).isEqualTo(Instant.parse("2011-06-01T09:00:00Z"));
    }

    @Test
    void readsTheFirstOnlineRetailLayoutWithUsDatesAndFloatCustomerIds() {
        Path file = write(dir, "online_retail.csv", HEADER_I,
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
                "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom",
                "545220,21212,CAKE CASES,24,6/1/2011 14:05,0.55,12345,France");

        try (OnlineRetailReader reader = OnlineRetailReader.open(file)) {
            assertThat(reader.layout()).isEqualTo(OnlineRetailLayout.ONLINE_RETAIL);
            List<OrderEvent> events = reader.stream().toList();
            assertThat(events).extracting(OrderEvent::getCustomerId).containsExactly("17850", "12345");
            assertThat(events.get(0).getEventTime()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
            assertThat(events.get(1).getEventTime()).isEqualTo(Instant.parse("2011-06-01T13:05:00Z"));
            assertThat(events.get(1).getCountry()).isEqualTo("France");
        }
    }

    @Test
    void emitsInEventTimeOrderEvenWhenAnInvoiceIsCompletedLate() {
        ImportResult result = read(
                line("700001", "1", 1, "2011-02-01 10:00:00", "1.00", "1"),
                line("700002", "1", 1, "2011-02-01 10:00:00", "1.00", "2"),
                line("700001", "2", 1, "2011-02-01 10:01:00", "1.00", "1"),
                line("700003", "1", 1, "2011-02-01 10:30:00", "1.00", "3"),
                line("700004", "1", 1, "2011-02-01 11:30:00", "1.00", "4"));

        List<Instant> times = result.events().stream().map(OrderEvent::getEventTime).toList();
        assertThat(times).isSorted();
        assertThat(result.events()).extracting(OrderEvent::getOrderId)
                .containsExactly("700001", "700002", "700003", "700004");
        assertThat(result.summary().customers()).isEqualTo(4);
    }

    @Test
    void readsGzipCompressedFilesAndReportsProgress() {
        Path file = write(dir, "retail.csv.gz", HEADER_II,
                line("489434", "85048", 12, "2009-12-01 07:45:00", "6.95", "13085"));

        try (OnlineRetailReader reader = OnlineRetailReader.open(file)) {
            assertThat(reader.hasNext()).isTrue();
            assertThat(reader.next().getOrderId()).isEqualTo("489434");
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void streamClosesTheFileAndHeaderErrorsAreClear() {
        Path file = write(dir, "retail.csv", HEADER_II,
                line("489434", "85048", 12, "2009-12-01 07:45:00", "6.95", "13085"));
        try (Stream<OrderEvent> events = OnlineRetailReader.read(file)) {
            assertThat(events.count()).isEqualTo(1);
        }

        Path wrong = write(dir, "wrong.csv", "a,b,c", "1,2,3");
        assertThatThrownBy(() -> OnlineRetailReader.open(wrong)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an Online Retail file");
        assertThatThrownBy(() -> OnlineRetailReader.open(dir.resolve("missing.csv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
    }
}
