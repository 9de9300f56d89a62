package io.churnwatch.cli.cluster;

import io.churnwatch.cli.Churnwatch;
import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the JVMs {@code churnwatch cluster} starts: runs a {@code churnwatch} subcommand ({@code serve},
 * {@code registry}) and ties its life to the parent's.
 *
 * <p>Ctrl-C in a terminal signals the whole process group at once, but the order matters: the nodes must leave
 * the group while the broker still runs. So the child ignores SIGINT and stops on the parent's SIGTERM, or when
 * its stdin (a pipe the parent never writes to) closes because the parent is gone, even killed.
 */
public final class ClusterChildMain {

    private ClusterChildMain() {
    }

    public static void main(String[] args) throws Exception {
        ignoreInterrupt();
        Thread watchdog = new Thread(() -> exitWhenStdinCloses(System.in), "churnwatch-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Churnwatch.main(args);
    }

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
        System.err.println("churnwatch: the cluster command is gone; shutting down");
        Runtime.getRuntime().exit(0);
    }
}
