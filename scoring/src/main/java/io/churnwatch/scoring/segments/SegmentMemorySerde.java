package io.churnwatch.scoring.segments;

import io.churnwatch.trainer.segments.SegmentFeatures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The segment store's values: a format byte, the model version (long), the four segmentation inputs (doubles),
 * then the segment name in UTF-8. The format byte lets a later version change the layout.
 */
public final class SegmentMemorySerde implements Serde<SegmentMemory> {

    private static final byte FORMAT = 1;
    private static final int FIXED = 1 + Long.BYTES + 4 * Double.BYTES;

    @Override
    public Serializer<SegmentMemory> serializer() {
        return (topic, memory) -> {
            if (memory == null) {
                return null;
            }
            byte[] name = memory.segment().getBytes(StandardCharsets.UTF_8);
            SegmentFeatures inputs = memory.inputs();
            return ByteBuffer.allocate(FIXED + name.length)
                    .put(FORMAT)
                    .putLong(memory.modelVersion())
                    .putDouble(inputs.recencyDays())
                    .putDouble(inputs.frequency())
                    .putDouble(inputs.monetary())
                    .putDouble(inputs.returnRate())
                    .put(name)
                    .array();
        };
    }

    @Override
    public Deserializer<SegmentMemory> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length <= FIXED || bytes[0] != FORMAT) {
                throw new SerializationException("not a segment memory (format " + (bytes.length > 0 ? bytes[0] : -1)
                        + ", " + bytes.length + " bytes)");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            long version = buffer.getLong();
            SegmentFeatures inputs = new SegmentFeatures(buffer.getDouble(), buffer.getDouble(), buffer.getDouble(),
                    buffer.getDouble());
            String name = new String(bytes, FIXED, bytes.length - FIXED, StandardCharsets.UTF_8);
            return new SegmentMemory(name, version, inputs);
        };
    }
}
