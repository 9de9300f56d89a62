package io.churnwatch.producers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.InvalidInputException;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvReaderTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private ImportResult read(String... lines) throws IOException {
        return GenericCsvReader.readAll(file(lines));
    }

    private static OrderEvent byId(ImportResult result, String orderId) {
        return result.events().stream().filter(e -> e.getOrderId().equals(orderId)).findFirst().orElseThrow();
    }

    @Test
    void readsTheFourRequiredColumnsAsOneLineOrders() throws IOException {
        ImportResult result = read(
                "customer_id,order_id,timestamp,amount",
                "c1,o1,2024-03-01T10:00:00Z,19.99",
                "c2,o2,1709290800000,5");

        OrderEvent first = byId(result, "o1");
        assertThat(first.getCustomerId()).isEqualTo("c1");
        assertThat(first.getKind()).isEqualTo(OrderKind.PURCHASE);
        assertThat(first.getEventTime()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(first.getCurrency()).isEqualTo("GBP");
        assertThat(first.getLines()).containsExactly(new OrderLine("UNSPECIFIED", null, 1, 1999L));
        assertThat(byId(result, "o2").getEventTime()).isEqualTo(Instant.ofEpochMilli(1709290800000L));
        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("o1", "o2");
    }

    @Test
    void groupsAdjacentRowsOfAnOrderAndUsesOptionalColumnsInAnyOrder() throws IOException {
        ImportResult result = read(
                "order_id,customer_id,sku,quantity,amount,timestamp,country,currency,kind",
                "o1,c1,A,3,10.00,2024-03-01 10:00,France,EUR,",
                "o1,c1,B,2,5.01,2024-03-01 10:00,France,EUR,PURCHASE",
                "o2,c1,C,1,1000,2024-03-02,Japan,JPY,");

        OrderEvent first = byId(result, "o1");
        assertThat(first.getLines()).containsExactly(new OrderLine("A", null, 3, 333L),
                new OrderLine("B", null, 2, 251L));
        assertThat(first.getCountry()).isEqualTo("France");
        assertThat(first.getCurrency()).isEqualTo("EUR");
        assertThat(byId(result, "o2").getLines()).containsExactly(new OrderLine("C", null, 1, 1000L));
        assertThat(byId(result, "o2").getEventTime()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void negativeAmountsNegativeQuantitiesAndKindReturnAreReturns() throws IOException {
        ImportResult result = read(
                "customer_id,order_id,timestamp,amount,quantity,kind",
                "c1,r1,2024-03-01T10:00:00Z,-4.50,1,",
                "c1,r2,2024-03-01T11:00:00Z,4.50,-3,",
                "c1,r3,2024-03-01T12:00:00Z,4.50,3,return");

        assertThat(result.events()).extracting(OrderEvent::getKind).containsOnly(OrderKind.RETURN);
        assertThat(byId(result, "r1").getLines().get(0).getUnitPriceMinor()).isEqualTo(450);
        assertThat(byId(result, "r2").getLines()).containsExactly(new OrderLine("UNSPECIFIED", null, 3, 150L));
        assertThat(result.summary().returns()).isEqualTo(3);
    }

    @Test
    void readsLocalTimestampsInTheGivenZone() throws IOException {
        Path file = file("customer_id,order_id,timestamp,amount",
                "c1,o1,2024-07-01T10:00:00,1",
                "c1,o2,2024-07-01T10:00:00+02:00,1");

        ImportResult result = ImportResult.drain(GenericCsvReader.open(file, ZoneId.of("Europe/London")));

        assertThat(byId(result, "o1").getEventTime()).isEqualTo(Instant.parse("2024-07-01T09:00:00Z"));
        assertThat(byId(result, "o2").getEventTime()).isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
    }

    @Test
    void skipsBadRowsAndNamesTheirLineNumbers() throws IOException {
        ImportResult result = read(
                "customer_id,order_id,timestamp,amount,quantity,kind,currency",
                "c1,o1,2024-03-01T10:00:00Z,abc,1,,",
                "c1,o2,yesterday,1.00,1,,",
                "c1,\"o3\nstill o3\",2024-03-01T10:00:00Z,1.00,1.5,,",
                "c1,o4,2024-03-01T10:00:00Z,-1.00,1,PURCHASE,",
                "c1,o5,2024-03-01T10:00:00Z,1.00,1,GIFT,",
                "c1,o6,2024-03-01T10:00:00Z,1.00,1,,ZZZ",
                "c1,o7,2024-03-01T10:00:00Z,1.00",
                "c1,,2024-03-01T10:00:00Z,1.00,1,,",
                "c1,o9,2024-03-01T10:00:00Z,1.00,0,,",
                ",o10,2024-03-01T10:00:00Z,1.00,1,,",
                "c1,o11,2024-03-01T10:00:00Z,0.00,1,,",
                "c1,o12,2024-03-01T10:00:00Z,1.00,1,,");

        ImportSummary summary = result.summary();
        assertThat(summary.problems()).containsExactly(
                "line 2: amount 'abc' is not a decimal number",
                "line 3: timestamp 'yesterday' is neither epoch milliseconds nor an ISO-8601 date-time",
                "line 4: quantity '1.5' is not a whole number",
                "line 6: kind is PURCHASE but the amount or quantity is negative",
                "line 7: kind 'GIFT' is neither PURCHASE nor RETURN",
                "line 8: currency 'ZZZ' is not an ISO 4217 code",
                "line 9: expected 7 fields, found 4",
                "line 10: order_id is empty",
                "line 11: quantity is 0");
        assertThat(summary.skipped(SkipReason.MALFORMED_ROW)).isEqualTo(9);
        assertThat(summary.skipped(SkipReason.NO_CUSTOMER_ID)).isEqualTo(1);
        assertThat(summary.skipped(SkipReason.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("o12");
        assertThat(summary.inputLines()).isEqualTo(12);
    }

    @Test
    void rejectsOrdersWhoseRowsAreNotAdjacentOrDisagree() throws IOException {
        ImportResult result = read(
                "customer_id,order_id,timestamp,amount",
                "c1,o1,2024-03-01T10:00:00Z,1",
                "c2,o1,2024-03-01T10:00:00Z,1",
                "c1,o1,2024-03-01T10:00:00Z,-1",
                "c3,o2,2024-03-01T10:05:00Z,1",
                "c1,o1,2024-03-01T10:06:00Z,1");

        assertThat(result.summary().skipped(SkipReason.INCONSISTENT_ORDER)).isEqualTo(2);
        assertThat(result.summary().skipped(SkipReason.SPLIT_ORDER)).isEqualTo(1);
        assertThat(result.summary().problems()).containsExactly(
                "line 3: order 'o1' changes its customer, kind or currency",
                "line 4: order 'o1' changes its customer, kind or currency",
                "line 6: order 'o1' continues after other orders (rows of one order must be adjacent)");
        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("o1", "o2");
    }

    @Test
    void reordersSlightlyUnsortedRowsByEventTime() throws IOException {
        ImportResult result = read(
                "customer_id,order_id,timestamp,amount",
                "c1,late,2024-03-01T10:20:00Z,1",
                "c2,early,2024-03-01T10:00:00Z,1",
                "c3,next-day,2024-03-02T10:00:00Z,1");

        assertThat(result.events()).extracting(OrderEvent::getOrderId).containsExactly("early", "late", "next-day");
        assertThat(result.summary().outOfOrder()).isZero();
    }

    @Test
    void explainsAMissingRequiredColumn() throws IOException {
        Path file = file("customer,order_id,timestamp,value", "c1,o1,2024-03-01T10:00:00Z,1");

        assertThatThrownBy(() -> GenericCsvReader.open(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("customer_id, amount");
    }
}
