package io.churnwatch.scoring.alerts;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The episode store's values: a format byte, then episodes (int), open (byte) and alertedAt (long). The format byte
 * lets a later version change the layout and still read what is in existing stores and changelogs.
 */
public final class AlertEpisodeSerde implements Serde<AlertEpisode> {

    private static final byte FORMAT = 1;
    private static final int SIZE = 1 + Integer.BYTES + 1 + Long.BYTES;

    @Override
    public Serializer<AlertEpisode> serializer() {
        return (topic, episode) -> episode == null ? null : ByteBuffer.allocate(SIZE)
                .put(FORMAT)
                .putInt(episode.episodes())
                .put((byte) (episode.open() ? 1 : 0))
                .putLong(episode.alertedAt())
                .array();
    }

    @Override
    public Deserializer<AlertEpisode> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != SIZE || bytes[0] != FORMAT) {
                throw new SerializationException("not an alert episode (format " + (bytes.length > 0 ? bytes[0] : -1)
                        + ", " + bytes.length + " bytes)");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SIZE - 1);
            return new AlertEpisode(buffer.getInt(), buffer.get() == 1, buffer.getLong());
        };
    }
}
