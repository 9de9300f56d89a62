package io.churnwatch.benchmarks.equivalence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import io.churnwatch.schemas.FeatureSnapshot;

/**
 * Feature snapshots in an Avro object container file: the {@code FeatureSnapshot} schema in the header, deflate
 * blocks after it. Any Avro reader opens it (Java {@code DataFileReader}, Python {@code avro.datafile}), so a
 * training run can read a full replay's snapshots without a broker.
 */
public final class SnapshotFile implements AutoCloseable {

    private final DataFileWriter<FeatureSnapshot> writer;
    private long written;

    private SnapshotFile(DataFileWriter<FeatureSnapshot> writer) {
        this.writer = writer;
    }

    /** Creates (or replaces) the file. */
    public static SnapshotFile create(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            DataFileWriter<FeatureSnapshot> writer = new DataFileWriter<>(new SpecificDatumWriter<>(FeatureSnapshot.class));
            writer.setCodec(CodecFactory.deflateCodec(6));
            writer.create(FeatureSnapshot.getClassSchema(), path.toFile());
            return new SnapshotFile(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + path, e);
        }
    }

    public void append(FeatureSnapshot snapshot) {
        try {
            writer.append(snapshot);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a snapshot", e);
        }
    }

    public long written() {
        return written;
    }

    /** Every snapshot of a file written by {@link #create}, in file order. */
    public static List<FeatureSnapshot> readAll(Path path) {
        List<FeatureSnapshot> snapshots = new ArrayList<>();
        try (DataFileReader<FeatureSnapshot> reader = new DataFileReader<>(path.toFile(),
                new SpecificDatumReader<>(FeatureSnapshot.class))) {
            reader.forEach(snapshots::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read snapshots from " + path, e);
        }
        return snapshots;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish the snapshot file", e);
        }
    }
}
