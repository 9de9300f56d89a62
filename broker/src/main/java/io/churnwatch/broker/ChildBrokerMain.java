package io.churnwatch.broker;

/**
 * Entry point of the broker JVM: runs {@code kafka.Kafka}, tied to the parent JVM ({@link ParentTie}), so a killed
 * demo or test never leaves an orphan broker holding the ports and the data dir, and Ctrl-C does not take the
 * broker away underneath the clients that still need it.
 */
public final class ChildBrokerMain {

    private ChildBrokerMain() {
    }

    public static void main(String[] args) {
        ParentTie.bind("churnwatch: parent process is gone; shutting the broker down");
        kafka.Kafka.main(args);
    }
}
