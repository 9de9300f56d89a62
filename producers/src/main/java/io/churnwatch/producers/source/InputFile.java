package io.churnwatch.producers.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file opened for reading, plain or gzip-compressed (recognised by its magic bytes, whatever the name),
 * decoded as UTF-8. Knows how many bytes of the file have been read, for progress reporting.
 */
public final class InputFile implements AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path path;
    private final long size;
    private final CountingStream counting;
    private final CsvRecordReader records;

    private InputFile(Path path, long size, CountingStream counting, CsvRecordReader records) {
        this.path = path;
        this.size = size;
        this.counting = counting;
        this.records = records;
    }

    public static InputFile open(Path path) {
        try {
            long size = Files.size(path);
            CountingStream counting = new CountingStream(Files.newInputStream(path));
            BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
            InputStream decoded = isGzip(buffered) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            Reader reader = new InputStreamReader(decoded, StandardCharsets.UTF_8);
            return new InputFile(path, size, counting, new CsvRecordReader(reader));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + path);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    public Path path() {
        return path;
    }

    public CsvRecordReader records() {
        return records;
    }

    /** Share of the file's bytes read so far, 0 to 1. */
    public double progress() {
        return size == 0 ? 1.0 : Math.min(1.0, (double) counting.count / size);
    }

    @Override
    public void close() {
        records.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
