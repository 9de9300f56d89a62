package io.churnwatch.producers.source;

/** One row cannot be parsed; the message starts with its line number so the user can find it. */
public class RowFormatException extends Exception {
    private final long lineNumber;

    public RowFormatException(long lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
