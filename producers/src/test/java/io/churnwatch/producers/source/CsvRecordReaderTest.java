package io.churnwatch.producers.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecord> read(String text) {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void splitsPlainAndQuotedFieldsWithDoubledQuotes() {
        List<CsvRecord> records = read("a,b,c\n1,\"RECORD FRAME 7\"\" SINGLE, SIZE \",3\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).fields()).containsExactly("1", "RECORD FRAME 7\" SINGLE, SIZE ", "3");
    }

    @Test
    void countsPhysicalLinesAcrossQuotedLineBreaksAndBlankLines() {
        List<CsvRecord> records = read("h1,h2\n\"multi\nline\",x\n\nlast,y");

        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(1L, 2L, 5L);
        assertThat(records.get(1).field(0)).isEqualTo("multi\nline");
        assertThat(records.get(2).fields()).containsExactly("last", "y");
    }

    @Test
    void acceptsCrLfByteOrderMarkAndTrailingEmptyField() {
        List<CsvRecord> records = read("\uFEFFInvoice,Customer ID\r\n1,\r\n2,5\r\n");

        assertThat(records.get(0).fields()).containsExactly("Invoice", "Customer ID");
        assertThat(records.get(1).fields()).containsExactly("1", "");
        assertThat(records.get(2).fields()).containsExactly("2", "5");
        assertThat(records.get(2).lineNumber()).isEqualTo(3);
    }

    @Test
    void emptyInputHasNoRecords() {
        assertThat(read("")).isEmpty();
        assertThat(read("\uFEFF")).isEmpty();
    }
}
