package io.churnwatch.cli.cluster;

import io.churnwatch.cli.StreamLag;
import io.churnwatch.producers.cli.ReplayCommand;
import io.churnwatch.schemas.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code churnwatch cluster}: the multi-node shape of docker-compose.yml on one machine, every part its own JVM.
 * See {@link ClusterOptions#USAGE}.
 */
public final class ClusterCommand {

    static final int SAMPLE_KEYS = 4;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

    private ClusterCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClusterOptions options;
        try {
            options = ClusterOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cluster: " + e.getMessage() + "\nTry './churnwatch cluster --help'.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ClusterOptions.USAGE);
            return;
        }
        LocalCluster cluster = new LocalCluster(options, System.getenv(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (cluster.startedAnything()) {
                System.out.println("\nStopping the cluster...");
            }
            cluster.close();
            stopped.countDown();
        }, "churnwatch-cluster-shutdown"));
        try {
            startAndReport(cluster, options, System.out);
        } catch (Exception e) {
            if (!cluster.closed()) {
                System.err.println("cluster: " + e.getMessage());
                System.exit(1);
            }
        }
        stopped.await();
    }

    /** Starts the cluster, replays what was asked for, and prints the nodes, sample owners and curl lines. */
    static void startAndReport(LocalCluster cluster, ClusterOptions options, PrintStream out) throws Exception {
        cluster.start();
        if (options.replay() != null) {
            out.println("» Replaying " + options.replay() + " through the cluster...");
            int exit = ReplayCommand.forConsole().run(new String[] {"online-retail", options.replay().toString(),
                    "--bootstrap-servers", cluster.bootstrapServers(), "--schema-registry-url", cluster.registryUrl()});
            if (exit != ReplayCommand.EXIT_OK) {
                throw new IllegalStateException("the replay failed (exit code " + exit + "); see above");
            }
            awaitCaughtUp(cluster, out);
        }
        List<String> keys = KeyOwners.sampleKeys(cluster.bootstrapServers(), SAMPLE_KEYS);
        int partitions = KafkaProbe.partitions(cluster.bootstrapServers(), Topics.ORDERS);
        ClusterReport.print(out, cluster, KeyOwners.ask(cluster.nodes().get(0).spec(), keys, partitions));
    }

    /** Waits until the nodes have committed everything sent so far (twice in a row, a second apart). */
    private static void awaitCaughtUp(LocalCluster cluster, PrintStream out) throws Exception {
        Instant deadline = Instant.now().plus(CATCH_UP_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            int caughtUp = 0;
            while (caughtUp < 2) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the nodes did not catch up within "
                            + CATCH_UP_TIMEOUT.toMinutes() + " minutes");
                }
                Thread.sleep(1000);
                caughtUp = StreamLag.of(admin, cluster.applicationId()) == 0 ? caughtUp + 1 : 0;
            }
        }
        out.println("  ✓ the nodes have processed it");
    }
}
