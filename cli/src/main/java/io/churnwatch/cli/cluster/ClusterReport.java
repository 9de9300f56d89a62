package io.churnwatch.cli.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the user sees once the cluster runs: the nodes, who owns a few customers, and curl lines to try. */
final class ClusterReport {

    private ClusterReport() {
    }

    static void print(PrintStream out, LocalCluster cluster, List<KeyOwners.Owner> owners) {
        List<ClusterReadiness.StartedNode> nodes = cluster.nodes();
        out.printf("%nNodes (Kafka %s, schema registry %s, application.id %s):%n", cluster.bootstrapServers(),
                cluster.registryUrl(), cluster.applicationId());
        out.printf("  %-7s %-8s %-23s %-20s %s%n", "node", "pid", "API", "application.server", "log");
        for (ClusterReadiness.StartedNode node : nodes) {
            out.printf("  %-7s %-8d %-23s %-20s %s%n", node.spec().name(), node.process().pid(), node.spec().url(),
                    node.spec().applicationServer(), relative(node.spec().logFile()));
        }
        out.printf("%nWho hosts which customer (any node answers any customer; the others forward to the owner):%n");
        out.printf("  %-12s %-9s %-7s %s%n", "customer", "partition", "owner", "answer");
        for (KeyOwners.Owner owner : owners) {
            out.printf("  %-12s %-9s %-7s %s%n", owner.key(), owner.partition() < 0 ? "?" : owner.partition(),
                    nodeName(nodes, owner.servedBy()), describe(owner.status()));
        }
        owners.stream().filter(owner -> owner.servedBy().isPresent()).findFirst().ifPresent(owner -> {
            out.printf("%nTry (the X-Churnwatch-Served-By header names the node that answered):%n");
            for (ClusterReadiness.StartedNode node : nodes) {
                boolean local = owner.servedBy().get().equals(node.spec().applicationServer());
                out.printf("  curl -si %s/customers/%s   # %s%n", node.spec().url(), owner.key(),
                        local ? node.spec().name() + " answers from its own state"
                                : node.spec().name() + " forwards to " + nodeName(nodes, owner.servedBy()));
            }
        });
        String any = nodes.get(0).spec().url();
        out.println("  curl -s " + any + "/customers/at-risk?limit=5   # gathered from every node");
        out.println("  curl -s " + any + "/health");
        out.println("  curl -s " + cluster.registryUrl() + "/subjects");
        out.printf("Train a model for them: CHURNWATCH_BOOTSTRAP_SERVERS=%s CHURNWATCH_SCHEMA_REGISTRY_URL=%s "
                + "./churnwatch train --once%n", cluster.bootstrapServers(), cluster.registryUrl());
        out.println("Press Ctrl-C to stop every process this command started.\n");
    }

    static String nodeName(List<ClusterReadiness.StartedNode> nodes, Optional<String> servedBy) {
        if (servedBy.isEmpty()) {
            return "?";
        }
        return nodes.stream().filter(node -> node.spec().applicationServer().equals(servedBy.get()))
                .map(node -> node.spec().name()).findFirst().orElse(servedBy.get());
    }

    private static String describe(int status) {
        return switch (status) {
            case 200 -> "200 (known customer)";
            case 404 -> "404 (no orders yet)";
            case -1 -> "no answer";
            default -> Integer.toString(status);
        };
    }

    private static String relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
