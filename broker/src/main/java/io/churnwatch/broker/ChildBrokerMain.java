package io.churnwatch.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker JVM: runs {@code kafka.Kafka} and shuts it down gracefully when the parent JVM
 * goes away, so a killed demo or test never leaves an orphan broker holding the ports and the data dir.
 *
 * <p>The parent keeps the child's stdin open as a pipe; end of stream means the parent exited.
 */
public final class ChildBrokerMain {

    private ChildBrokerMain() {
    }

    public static void main(String[] args) {
        ignoreInterrupt();
        Thread watchdog = new Thread(() -> exitWhenStdinCloses(System.in), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    /**
     * Ctrl-C in a terminal signals the whole process group. The parent decides when the broker stops (after
     * the clients that need it have closed, then with SIGTERM or by closing stdin), so the broker must not
     * vanish underneath them on SIGINT.
     */
    @SuppressWarnings("restriction")
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: nothing to ignore.
        }
    }

    private static void exitWhenStdinCloses(InputStream in) {
        try {
            while (in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException e) {
            // a broken pipe also means the parent is gone
        }
        System.err.println("churnwatch: parent process is gone; shutting the broker down");
        Runtime.getRuntime().exit(0);
    }
}
