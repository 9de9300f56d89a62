package io.churnwatch.producers.synthetic;

/**
 * A small, fast pseudo-random generator whose whole state is one long, so a million customers can each keep
 * their own stream in a {@code long[]}. SplitMix64 (Steele, Lea, Flood 2014), the generator behind
 * {@link java.util.SplittableRandom}; not for cryptography.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMix64(long state) {
        this.state = state;
    }

    /** A generator for sub-stream {@code index} of {@code seed}: independent-looking streams for each customer. */
    static SplitMix64 forStream(long seed, long stream, long index) {
        return new SplitMix64(mix(mix(seed ^ mix(stream)) + index * GOLDEN_GAMMA));
    }

    long state() {
        return state;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in (0, 1]: safe to take the logarithm of. */
    double nextOpenDouble() {
        return 1.0 - nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
