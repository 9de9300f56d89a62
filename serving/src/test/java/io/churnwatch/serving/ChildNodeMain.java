package io.churnwatch.serving;

import java.util.Optional;

/**
 * {@link ServingApp} in a child JVM that exits when the JVM that started it is gone, however that one ended:
 * a test JVM killed by a timeout must not leave serving nodes behind on the machine.
 */
public final class ChildNodeMain {

    private ChildNodeMain() {
    }

    /** @param args the parent's pid */
    public static void main(String[] args) {
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(args[0]));
        Thread watcher = new Thread(() -> {
            parent.ifPresent(handle -> handle.onExit().join());
            // halt, not exit: the node's shutdown hooks would try to reach a broker that went with the parent.
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        ServingApp.main(new String[0]);
    }
}
