package io.churnwatch.cli.cluster;

import io.churnwatch.broker.ParentTie;
import io.churnwatch.cli.Churnwatch;

/**
 * Entry point of the JVMs {@code churnwatch cluster} starts: runs a {@code churnwatch} subcommand ({@code serve},
 * {@code registry}) tied to the parent ({@link ParentTie}): the nodes must leave the group while the broker still
 * runs, so the parent, not Ctrl-C, decides when each child stops.
 */
public final class ClusterChildMain {

    private ClusterChildMain() {
    }

    public static void main(String[] args) throws Exception {
        ParentTie.bind("churnwatch: the cluster command is gone; shutting down");
        Churnwatch.main(args);
    }
}
