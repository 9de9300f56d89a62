package io.churnwatch.trainer.release;

/** Keys of the compacted {@code models} topic. */
public final class ReleaseKeys {

    /** The promoted release: the one the scorer uses. */
    public static final String CURRENT = "current";

    private ReleaseKeys() {
    }

    /** Every candidate, promoted or not, so that history survives compaction. */
    public static String version(long version) {
        return "v" + version;
    }
}
