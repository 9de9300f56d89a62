package io.churnwatch.cli.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits until the cluster can answer: every node's {@code /health} is UP (its Kafka Streams is RUNNING) and the
 * application's group is stable with exactly the nodes' stream threads as members, i.e. the last node has
 * joined and the rebalance it caused is over. A node that exits meanwhile fails the wait at once.
 */
final class ClusterReadiness {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** A node that cannot become ready; the message says why and where its log is. */
    static final class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }

    /** A started node: what it is and its JVM. */
    record StartedNode(NodeSpec spec, ChildProcess process) {
    }

    private ClusterReadiness() {
    }

    static void await(List<StartedNode> nodes, String bootstrapServers, String applicationId, int threadsPerNode,
                      Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int expectedMembers = nodes.size() * threadsPerNode;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()))) {
            String waitingFor = "";
            while (true) {
                for (StartedNode node : nodes) {
                    if (!node.process().isAlive()) {
                        throw new NotReadyException(node.process().exitReport());
                    }
                }
                waitingFor = notReady(nodes, admin, applicationId, expectedMembers);
                if (waitingFor.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new NotReadyException("the cluster was not ready after " + timeout.toSeconds() + " s: "
                            + waitingFor + "; see the nodes' logs under " + nodes.get(0).spec().dir().getParent());
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** What is still missing, or empty when the cluster is ready. */
    private static String notReady(List<StartedNode> nodes, Admin admin, String applicationId, int expectedMembers)
            throws InterruptedException {
        for (StartedNode node : nodes) {
            boolean up = HttpProbe.get(node.spec().url() + "/health").map(answer -> answer.status() == 200)
                    .orElse(false);
            if (!up) {
                return node.spec().name() + " is not RUNNING yet";
            }
        }
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (group.groupState() != GroupState.STABLE || group.members().size() != expectedMembers) {
                return "group " + applicationId + " is " + group.groupState() + " with " + group.members().size()
                        + " of " + expectedMembers + " members";
            }
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "group " + applicationId + " cannot be described yet (" + e.getMessage() + ")";
        }
    }
}
