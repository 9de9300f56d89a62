package io.churnwatch.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ties a child JVM's life to the parent that started it (the broker, the cluster command's nodes and registry).
 *
 * <p>Ctrl-C in a terminal signals the whole process group at once, but the parent decides the order in which its
 * children stop (clients before the broker they need), so a child ignores SIGINT and stops on the parent's
 * SIGTERM. The parent keeps the child's stdin open as a pipe it never writes to; end of stream means the parent
 * is gone, even killed, and the child shuts down rather than linger holding ports and data dirs.
 */
public final class ParentTie {

    private ParentTie() {
    }

    /** Ignores SIGINT and exits (running shutdown hooks) once the parent is gone, saying {@code goneMessage}. */
    public static void bind(String goneMessage) {
        ignoreInterrupt();
        Thread watchdog = new Thread(() -> exitWhenStdinCloses(System.in, goneMessage), "churnwatch-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @SuppressWarnings("restriction")
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: nothing to ignore.
        }
    }

    private static void exitWhenStdinCloses(InputStream in, String goneMessage) {
        try {
            while (in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException e) {
            // a broken pipe also means the parent is gone
        }
        System.err.println(goneMessage);
        Runtime.getRuntime().exit(0);
    }
}
