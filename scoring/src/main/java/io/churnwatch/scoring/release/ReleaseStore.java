package io.churnwatch.scoring.release;

/** Names of the global store that mirrors the {@code models} topic; the HTTP API reads it too. */
public final class ReleaseStore {

    /** Global key-value store: release key → ModelRelease. */
    public static final String NAME = "models-store";
    /** The promoted release's key; {@code v<N>} keys are history and are not kept in the store. */
    public static final String CURRENT = "current";

    private ReleaseStore() {
    }
}
