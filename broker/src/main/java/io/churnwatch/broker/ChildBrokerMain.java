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
        Thread watchdog = new Thread(() -> exitWhenStdinCloses(System.in), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
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
