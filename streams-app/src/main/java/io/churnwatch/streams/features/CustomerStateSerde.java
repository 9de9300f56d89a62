package io.churnwatch.streams.features;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary form of {@link CustomerState}, for the RocksDB store and its changelog. Times are stored
 * once absolute and otherwise as deltas, counts and sums as varints, optional parts only when present:
 *
 * <pre>
 * version(1) flags(1) purchaseOrders returnOrders lastEventTime
 * [purchases>0: lastEvent-lastPurchase lastPurchase-firstPurchase grossRevenue units]
 * [purchases>1: sumSquaredGapDays as 8-byte double]
 * [returns>0: returnedValue]  currency  [country countryTime-delta]  [nextTimerDue-delta]
 * day buckets  distinct products
 * </pre>
 *
 * The encoding is canonical: equal states give equal bytes, which the tests use to compare states.
 */
public final class CustomerStateSerde implements Serde<CustomerState> {

    private static final byte VERSION = 1;
    private static final int HAS_COUNTRY = 1;
    private static final int HAS_TIMER = 2;

    public static byte[] toBytes(CustomerState state) {
        ByteBuffer out = ByteBuffer.allocate(maxSize(state));
        out.put(VERSION);
        int flags = (state.country != null ? HAS_COUNTRY : 0) | (state.nextTimerDue != 0 ? HAS_TIMER : 0);
        out.put((byte) flags);
        Varints.writeUnsigned(out, state.purchaseOrders);
        Varints.writeUnsigned(out, state.returnOrders);
        Varints.writeSigned(out, state.lastEventTime);
        if (state.purchaseOrders > 0) {
            Varints.writeUnsigned(out, state.lastEventTime - state.lastPurchaseTime);
            Varints.writeUnsigned(out, state.lastPurchaseTime - state.firstPurchaseTime);
            Varints.writeSigned(out, state.grossRevenueMinor);
            Varints.writeSigned(out, state.unitsPurchased);
        }
        if (state.purchaseOrders > 1) {
            out.putDouble(state.sumSquaredGapDays);
        }
        if (state.returnOrders > 0) {
            Varints.writeSigned(out, state.returnedValueMinor);
        }
        writeString(out, state.currency == null ? "" : state.currency);
        if (state.country != null) {
            writeString(out, state.country);
            Varints.writeUnsigned(out, state.lastEventTime - state.countryTime);
        }
        if (state.nextTimerDue != 0) {
            Varints.writeSigned(out, state.nextTimerDue - state.lastEventTime);
        }
        state.buckets.writeTo(out);
        state.products.writeTo(out);
        return Arrays.copyOf(out.array(), out.position());
    }

    public static CustomerState fromBytes(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("CustomerState format version " + version + " is unknown here"
                        + " (this build reads version " + VERSION + "): was the store written by a newer build?");
            }
            int flags = in.get();
            CustomerState state = new CustomerState();
            state.purchaseOrders = Varints.readUnsignedInt(in);
            state.returnOrders = Varints.readUnsignedInt(in);
            state.lastEventTime = Varints.readSigned(in);
            if (state.purchaseOrders > 0) {
                state.lastPurchaseTime = state.lastEventTime - Varints.readUnsigned(in);
                state.firstPurchaseTime = state.lastPurchaseTime - Varints.readUnsigned(in);
                state.grossRevenueMinor = Varints.readSigned(in);
                state.unitsPurchased = Varints.readSigned(in);
            }
            if (state.purchaseOrders > 1) {
                state.sumSquaredGapDays = in.getDouble();
            }
            if (state.returnOrders > 0) {
                state.returnedValueMinor = Varints.readSigned(in);
            }
            String currency = readString(in);
            state.currency = currency.isEmpty() ? null : currency;
            if ((flags & HAS_COUNTRY) != 0) {
                state.country = readString(in);
                state.countryTime = state.lastEventTime - Varints.readUnsigned(in);
            }
            if ((flags & HAS_TIMER) != 0) {
                state.nextTimerDue = state.lastEventTime + Varints.readSigned(in);
            }
            state.buckets = DayBuckets.readFrom(in);
            state.products = DistinctProducts.readFrom(in);
            if (in.hasRemaining()) {
                throw new SerializationException("CustomerState has " + in.remaining() + " bytes left over");
            }
            return state;
        } catch (RuntimeException e) {
            if (e instanceof SerializationException) {
                throw e;
            }
            throw new SerializationException("CustomerState bytes are corrupt: " + e, e);
        }
    }

    private static int maxSize(CustomerState state) {
        int strings = 2 * Varints.MAX_BYTES + utf8Length(state.currency) + utf8Length(state.country);
        return 2 + 12 * Varints.MAX_BYTES + 8 + strings
                + state.buckets.maxSerializedSize() + state.products.maxSerializedSize();
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.length() * 3;
    }

    private static void writeString(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Varints.writeUnsigned(out, bytes.length);
        out.put(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = Varints.readUnsignedInt(in);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public Serializer<CustomerState> serializer() {
        return (topic, state) -> state == null ? null : toBytes(state);
    }

    @Override
    public Deserializer<CustomerState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
}
