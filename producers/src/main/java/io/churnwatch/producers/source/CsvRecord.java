package io.churnwatch.producers.source;

/** One CSV record: its fields and the (1-based) file line it starts on. */
public record CsvRecord(String[] fields, long lineNumber) {

    public int size() {
        return fields.length;
    }

    public String field(int index) {
        return fields[index];
    }
}
