package io.churnwatch.schemas.serde;

/**
 * The Confluent wire format: byte {@code 0x00}, the writer schema's registry id as 4 big-endian bytes, then the
 * record in plain Avro binary (no container-file header, no schema fingerprint).
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the header into the first {@link #HEADER_SIZE} bytes of {@code target}. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** The schema id of a payload whose header has already been checked. */
    public static int schemaId(byte[] payload) {
        return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
    }

    /**
     * Checks the header of a non-null payload.
     *
     * @return the schema id
     * @throws WireFormatException EMPTY, TOO_SHORT or UNKNOWN_MAGIC_BYTE
     */
    public static int checkHeader(String topic, byte[] payload) {
        if (payload.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.EMPTY, null, "Empty value on topic '" + topic
                    + "': a tombstone must be null, and a record needs at least " + HEADER_SIZE + " header bytes.");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new WireFormatException(WireFormatException.Reason.UNKNOWN_MAGIC_BYTE, null, String.format(
                    "Unknown magic byte 0x%02x on topic '%s' (expected 0x00): the producer did not use the Confluent"
                            + " Avro wire format (plain JSON or Avro, or another serializer?).",
                    payload[0] & 0xff, topic));
        }
        if (payload.length < HEADER_SIZE) {
            throw new WireFormatException(WireFormatException.Reason.TOO_SHORT, null, "Only " + payload.length
                    + " byte(s) on topic '" + topic + "': the Confluent wire format needs a magic byte and a 4-byte"
                    + " schema id before the Avro body.");
        }
        return schemaId(payload);
    }
}
