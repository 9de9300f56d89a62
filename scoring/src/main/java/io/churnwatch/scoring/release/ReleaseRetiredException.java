package io.churnwatch.scoring.release;

/** A release was replaced and freed while a thread still held it: that thread should fetch the current one. */
public final class ReleaseRetiredException extends RuntimeException {

    public ReleaseRetiredException(long version) {
        super("release v" + version + " was replaced and closed", null, false, false);
    }
}
