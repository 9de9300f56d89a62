package io.churnwatch.cli;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.broker.KafkaBrokerProcess;
import io.churnwatch.producers.cli.ReplayCommand;
import io.churnwatch.producers.onlineretail.ProjectSample;
import io.churnwatch.schemas.Topics;
import io.churnwatch.serving.ServingApp;
import io.churnwatch.serving.streams.RegistryUrl;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.trainer.cli.TrainCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code churnwatch demo}: the whole system on one machine. Starts a broker (its own JVM) and a serving node
 * (the stream, the scorer, the HTTP API and the schema registry), replays the first part of the history, trains
 * a model once the stream has caught up, then replays the rest at a speed-up so that alerts arrive live, with the
 * trainer retraining on a schedule. Ctrl-C stops everything in reverse order.
 */
final class DemoCommand {

    /** History before this goes in as fast as possible; the rest is replayed live against the trained model. */
    static final String SPLIT = "2011-01-01";
    /** The live part (about eleven months of the sample) takes about a minute and a half. */
    static final String LIVE_SPEEDUP = "300000";
    static final String RETRAIN_EVERY = "5m";

    private final Deque<Running> started = new ArrayDeque<>();

    /** Something the demo started and must stop, named for the user. */
    private record Running(String name, AutoCloseable stop) {
    }

    private DemoCommand() {
    }

    static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage() + "\n\n" + DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoCommand demo = new DemoCommand();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stopAll();
            stopped.countDown();
        }, "churnwatch-demo-shutdown"));
        try {
            demo.run(options);
        } catch (Exception e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void run(DemoOptions options) throws Exception {
        long startNanos = System.nanoTime();
        Map<String, String> env = new HashMap<>(System.getenv());

        step("Starting the Kafka broker");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(BrokerSettings.fromEnvironment(env));
        started.push(new Running("Kafka broker", broker));
        KafkaBrokerProcess.BrokerStartup startup = broker.start();
        done(String.format("Kafka broker ready on %s in %.1f s (%s, data: %s)", broker.bootstrapServers(),
                startup.timeToReady().toMillis() / 1000.0, startup.formatted() ? "new" : "resumed", broker.dataDir()));

        step("Starting the serving node (stream, scorer, HTTP API, schema registry)");
        Map<String, Object> node = new HashMap<>();
        node.put("churnwatch.bootstrap-servers", broker.bootstrapServers());
        node.put("churnwatch.embedded-registry", "true");
        node.put("churnwatch.state-dir", env.getOrDefault("CHURNWATCH_STATE_DIR",
                dataRoot(env).resolve("streams").toString()));
        ApplicationContext context = Micronaut.build(new String[0]).mainClass(ServingApp.class).banner(false).properties(node)
                .start();
        started.push(new Running("serving node", context));
        String api = apiUrl(context.getBean(EmbeddedServer.class));
        String registryUrl = context.getBean(RegistryUrl.class).url();
        StreamsAppConfig streams = context.getBean(StreamsAppConfig.class);
        done("API at " + api + " (Swagger UI: " + api + "/swagger-ui/), schema registry at " + registryUrl);

        env.put("CHURNWATCH_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("CHURNWATCH_SCHEMA_REGISTRY_URL", registryUrl);
        env.putIfAbsent("CHURNWATCH_REPORT_DIR", dataRoot(env).resolve("training-reports").toString());
        OutputWatcher watcher = OutputWatcher.start(broker.bootstrapServers(), registryUrl, System.out, startNanos);
        started.push(new Running("output watcher", watcher));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            boolean resumed = TopicEnds.total(admin, Topics.ORDERS) > 0 && !options.replay();
            Path data = options.data() != null ? options.data() : ProjectSample.onlineRetailII();
            if (resumed) {
                done("The orders topic already holds events: resuming from the data on disk "
                        + "(--replay sends the data again; duplicates are dropped)");
            } else {
                step("Replaying the history before " + SPLIT + " from " + data);
                replay(env, data, "--until", SPLIT);
                step("Waiting for the stream to process it");
                awaitCaughtUp(admin, streams.applicationId());
                step("Training the models (XGBoost churn model, segments, BG/NBD + Gamma-Gamma value)");
                int trained = new TrainCommand(System.out, System.err, env).run("--once");
                if (trained != TrainCommand.OK && trained != TrainCommand.NOT_ENOUGH_DATA) {
                    throw new IllegalStateException("the trainer failed (exit code " + trained + "); see above");
                }
                step("Replaying the rest of the history live (x" + LIVE_SPEEDUP + "): alerts appear as they happen");
                replay(env, data, "--from", SPLIT, "--speedup", LIVE_SPEEDUP);
            }
            // The schedule trains at once (on what the live replay added, or on resume) and then every period.
            startScheduledTraining(env);
        }

        System.out.printf("%nchurnwatch is running (up in %.0f s). Try:%n", (System.nanoTime() - startNanos) / 1e9);
        System.out.println("  curl -s " + api + "/customers/at-risk?limit=5");
        watcher.firstAlertedCustomer().ifPresent(id -> System.out.println("  curl -s " + api + "/customers/" + id));
        System.out.println("  curl -s " + api + "/segments");
        System.out.println("  curl -s " + api + "/models/current");
        System.out.println("  curl -s " + registryUrl + "/subjects");
        System.out.println("  open " + api + "/swagger-ui/");
        if (env.getOrDefault("CHURNWATCH_ADMIN_TOKEN", "").isBlank()) {
            System.out.println("  (admin endpoints, e.g. a retrain now: start with CHURNWATCH_ADMIN_TOKEN=<secret>)");
        } else {
            System.out.println("  curl -s -X POST -H \"Authorization: Bearer $CHURNWATCH_ADMIN_TOKEN\" " + api
                    + "/admin/models/retrain   # the trainer trains now");
        }
        System.out.println("Press Ctrl-C to stop everything.\n");
    }

    private static void replay(Map<String, String> env, Path data, String... window) {
        String[] args = new String[6 + window.length];
        args[0] = "online-retail";
        args[1] = data.toString();
        args[2] = "--bootstrap-servers";
        args[3] = env.get("CHURNWATCH_BOOTSTRAP_SERVERS");
        args[4] = "--schema-registry-url";
        args[5] = env.get("CHURNWATCH_SCHEMA_REGISTRY_URL");
        System.arraycopy(window, 0, args, 6, window.length);
        int exit = ReplayCommand.forConsole().run(args);
        if (exit != ReplayCommand.EXIT_OK) {
            throw new IllegalStateException("the replay failed (exit code " + exit + "); see above");
        }
    }

    /** Waits until the stream has committed everything sent so far (twice in a row, a second apart). */
    private static void awaitCaughtUp(Admin admin, String applicationId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int caughtUp = 0;
        while (caughtUp < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stream did not catch up within 10 minutes");
            }
            Thread.sleep(1000);
            caughtUp = StreamLag.of(admin, applicationId) == 0 ? caughtUp + 1 : 0;
        }
        done("the stream has caught up");
    }

    private void startScheduledTraining(Map<String, String> env) {
        TrainCommand scheduled = new TrainCommand(System.out, System.err, env);
        Thread thread = new Thread(() -> scheduled.run("--every", RETRAIN_EVERY), "churnwatch-demo-trainer");
        thread.setDaemon(true);
        thread.start();
        started.push(new Running("trainer", scheduled::stop));
    }

    private static String apiUrl(EmbeddedServer server) {
        String host = server.getHost().equals("0.0.0.0") ? "localhost" : server.getHost();
        return "http://" + host + ":" + server.getPort();
    }

    private static Path dataRoot(Map<String, String> env) {
        String root = env.get(BrokerSettings.ENV_DATA_DIR);
        return root == null || root.isBlank() ? BrokerSettings.DEFAULT_DATA_ROOT : Path.of(root);
    }

    private void stopAll() {
        if (!started.isEmpty()) {
            System.out.println("\nStopping churnwatch...");
        }
        while (!started.isEmpty()) {
            Running running = started.pop();
            long startNanos = System.nanoTime();
            try {
                running.stop().close();
                done(String.format("stopped %s (%.1f s)", running.name(), (System.nanoTime() - startNanos) / 1e9));
            } catch (Exception e) {
                System.err.println("demo: while stopping the " + running.name() + ": " + e.getMessage());
            }
        }
    }

    private static void step(String what) {
        System.out.println("» " + what + "...");
    }

    private static void done(String what) {
        System.out.println("  ✓ " + what);
    }
}
