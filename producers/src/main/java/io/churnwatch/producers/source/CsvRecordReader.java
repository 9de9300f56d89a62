package io.churnwatch.producers.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma separated, fields optionally quoted with {@code "}, a doubled quote inside a quoted
 * field stands for one quote, quoted fields may span lines, LF or CRLF line ends, a leading UTF-8 byte-order
 * mark is ignored. Tracks physical line numbers so that errors can point at the line in an editor.
 */
public final class CsvRecordReader implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final Reader reader;
    private final char[] buffer = new char[BUFFER_SIZE];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(16);

    public CsvRecordReader(Reader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public CsvRecord next() {
        while (true) {
            if (!fill()) {
                return null;
            }
            skipByteOrderMark();
            if (!fill()) {
                return null;
            }
            long startLine = line;
            if (peek() == '\n' || peek() == '\r') {
                consumeLineEnd();
                continue;
            }
            readRecord();
            return new CsvRecord(fields.toArray(new String[0]), startLine);
        }
    }

    private void readRecord() {
        fields.clear();
        while (true) {
            field.setLength(0);
            boolean endOfRecord = readField();
            fields.add(field.toString());
            if (endOfRecord) {
                return;
            }
        }
    }

    /** Reads one field into {@link #field}; true if it ended the record. */
    private boolean readField() {
        if (fill() && peek() == '"') {
            position++;
            readQuoted();
        }
        while (fill()) {
            char c = buffer[position];
            if (c == ',') {
                position++;
                return false;
            }
            if (c == '\n' || c == '\r') {
                consumeLineEnd();
                return true;
            }
            field.append(c);
            position++;
        }
        return true;
    }

    /** After an opening quote: up to the closing quote, keeping any line breaks inside. */
    private void readQuoted() {
        while (fill()) {
            char c = buffer[position++];
            if (c == '"') {
                if (fill() && peek() == '"') {
                    field.append('"');
                    position++;
                    continue;
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }
    }

    private void consumeLineEnd() {
        if (peek() == '\r') {
            position++;
            if (fill() && peek() == '\n') {
                position++;
            }
        } else {
            position++;
        }
        line++;
    }

    private void skipByteOrderMark() {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
            }
        }
    }

    private char peek() {
        return buffer[position];
    }

    private boolean fill() {
        if (position < limit) {
            return true;
        }
        try {
            int read;
            do {
                read = reader.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the input at line " + line, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
