package io.churnwatch.benchmarks.cli;

/** A command line that cannot be run; the message says why, and the command prints its usage after it. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
