package io.churnwatch.streams.features;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How many distinct products a customer bought, in at most 129 bytes.
 *
 * <p>Up to {@value #EXACT_LIMIT} products it keeps the exact set of 32-bit SKU hashes (sorted, so equal sets
 * serialize to equal bytes whatever the order the SKUs came in). Past that it turns into a HyperLogLog with
 * 2^{@value #PRECISION} = 256 four-bit registers (128 bytes): relative standard error 1.04/&radic;256 &asymp;
 * 6.5% for large counts, less just past the switch, where linear counting applies. The count is therefore exact
 * for customers with at most 32 distinct products and an estimate above.
 *
 * <p>Both forms only grow and do not depend on the order of additions, so replays and reordered events give the
 * same bytes.
 */
public final class DistinctProducts {

    /** Largest set kept exactly; a 33rd distinct SKU switches to the sketch. */
    public static final int EXACT_LIMIT = 32;
    static final int PRECISION = 8;
    private static final int REGISTERS = 1 << PRECISION;
    private static final int MAX_RANK = 15;

    private int[] exact = new int[0];
    private byte[] registers;

    /** The 32-bit hash this class keeps for a SKU (FNV-1a 64 folded by a finalizer), exposed for tests. */
    public static int skuHash(String sku) {
        long h = 0xcbf29ce484222325L;
        for (byte b : sku.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return (int) (mix(h) >>> 32);
    }

    public void add(String sku) {
        addHash(skuHash(sku));
    }

    void addHash(int hash) {
        if (registers != null) {
            offer(hash);
            return;
        }
        int at = Arrays.binarySearch(exact, hash);
        if (at >= 0) {
            return;
        }
        if (exact.length < EXACT_LIMIT) {
            int insert = -at - 1;
            int[] grown = new int[exact.length + 1];
            System.arraycopy(exact, 0, grown, 0, insert);
            grown[insert] = hash;
            System.arraycopy(exact, insert, grown, insert + 1, exact.length - insert);
            exact = grown;
            return;
        }
        registers = new byte[REGISTERS];
        for (int kept : exact) {
            offer(kept);
        }
        exact = new int[0];
        offer(hash);
    }

    public boolean isExact() {
        return registers == null;
    }

    public int count() {
        if (registers == null) {
            return exact.length;
        }
        double inverseSum = 0;
        int zeros = 0;
        for (byte register : registers) {
            inverseSum += Math.scalb(1.0, -register);
            if (register == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double estimate = alpha * REGISTERS * REGISTERS / inverseSum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        // The sketch only exists once more than EXACT_LIMIT distinct hashes were seen.
        return Math.max(EXACT_LIMIT + 1, (int) Math.round(estimate));
    }

    private void offer(int hash) {
        long x = mix(hash & 0xFFFFFFFFL);
        int index = (int) (x >>> (64 - PRECISION));
        long rest = x << PRECISION;
        int rank = Math.min(MAX_RANK, Long.numberOfLeadingZeros(rest) + 1);
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the whole word. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    void writeTo(ByteBuffer out) {
        if (registers == null) {
            Varints.writeUnsigned(out, exact.length);
            for (int hash : exact) {
                out.putInt(hash);
            }
            return;
        }
        // A length past the exact limit marks the sketch; two registers share a byte.
        Varints.writeUnsigned(out, EXACT_LIMIT + 1);
        for (int i = 0; i < REGISTERS; i += 2) {
            out.put((byte) ((registers[i] << 4) | registers[i + 1]));
        }
    }

    static DistinctProducts readFrom(ByteBuffer in) {
        DistinctProducts products = new DistinctProducts();
        int length = Varints.readUnsignedInt(in);
        if (length <= EXACT_LIMIT) {
            products.exact = new int[length];
            for (int i = 0; i < length; i++) {
                products.exact[i] = in.getInt();
            }
            return products;
        }
        products.registers = new byte[REGISTERS];
        for (int i = 0; i < REGISTERS; i += 2) {
            byte packed = in.get();
            products.registers[i] = (byte) ((packed >> 4) & 0x0F);
            products.registers[i + 1] = (byte) (packed & 0x0F);
        }
        return products;
    }

    int maxSerializedSize() {
        return Varints.MAX_BYTES + Math.max(EXACT_LIMIT * 4, REGISTERS / 2);
    }
}
