package io.churnwatch.streams.features;

import java.nio.ByteBuffer;

/**
 * LEB128 varints (7 bits a byte, high bit = more follows) and zig-zag for values that may be negative. Small
 * numbers, which most of a customer's state is (counts, day deltas, minor-unit sums), take one to three bytes.
 */
final class Varints {

    private Varints() {
    }

    static void writeUnsigned(ByteBuffer out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static void writeSigned(ByteBuffer out, long value) {
        writeUnsigned(out, (value << 1) ^ (value >> 63));
    }

    static long readUnsigned(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes: the state bytes are corrupt");
    }

    static long readSigned(ByteBuffer in) {
        long raw = readUnsigned(in);
        return (raw >>> 1) ^ -(raw & 1);
    }

    static int readUnsignedInt(ByteBuffer in) {
        long value = readUnsigned(in);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("varint " + value + " does not fit an int: the state bytes are corrupt");
        }
        return (int) value;
    }

    /** Upper bound of the bytes one varint takes, for sizing buffers. */
    static final int MAX_BYTES = 10;
}
