package io.churnwatch.broker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/** The broker JVM's log file: rotated on each start, and read back to explain a failed start. */
final class BrokerLog {

    private static final int TAIL_LINES = 400;
    private static final long TAIL_BYTES = 512 * 1024;

    private final Path file;
    private final Path previous;

    BrokerLog(BrokerDataDir dir) {
        this.file = dir.logFile();
        this.previous = dir.previousLogFile();
    }

    Path file() {
        return file;
    }

    /** Keeps the previous run's log as broker.log.1 so each run starts a fresh file. */
    void rotate() {
        try {
            if (Files.exists(file)) {
                Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rotate " + file, e);
        }
    }

    boolean contains(String text) {
        return tail().stream().anyMatch(line -> line.contains(text));
    }

    /** The first error reported in the recent log, with its cause when Kafka logs one. */
    Optional<String> firstError() {
        List<String> lines = tail();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(" ERROR ") || line.startsWith("ERROR") || line.startsWith("Exception")) {
                String cause = lines.subList(i + 1, Math.min(lines.size(), i + 4)).stream()
                        .filter(next -> next.startsWith("Caused by:") || next.contains("Exception:"))
                        .findFirst()
                        .map(next -> " / " + next.trim())
                        .orElse("");
                return Optional.of(line.trim() + cause);
            }
        }
        return Optional.empty();
    }

    private List<String> tail() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the buffer is full
            }
            List<String> lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .lines().toList();
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of(); // explaining a failure must not fail itself
        }
    }
}
