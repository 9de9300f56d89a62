package io.churnwatch.producers.cli;

/** The command line is wrong; the message says how, in words the user can act on. Exit code 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
