package io.churnwatch.trainer.cli;

import io.churnwatch.trainer.config.Durations;
import io.churnwatch.trainer.config.TrainerConfig;
import io.churnwatch.trainer.kafka.RetrainRequests;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's command line: {@code train --once} trains once and exits; {@code train --every 6h} trains now and
 * then every six hours until stopped, and at once when an operator asks for it ({@link RetrainRequests}). See
 * {@link Usage} for every option.
 */
public final class TrainCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_ENOUGH_DATA = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);
    /** How often a waiting schedule looks for an operator's retrain request. */
    private static final Duration REQUEST_CHECK = Duration.ofSeconds(1);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final CountDownLatch stop = new CountDownLatch(1);

    public TrainCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        TrainCommand command = new TrainCommand(System.out, System.err, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(command::stop, "trainer-shutdown"));
        System.exit(command.run(args));
    }

    /** Asks a scheduled run to end after the current training. */
    public void stop() {
        stop.countDown();
    }

    /** Runs the command and returns its exit code; never calls {@link System#exit}. */
    public int run(String... args) {
        CommandLine commandLine;
        TrainerConfig config;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
            if (commandLine.help()) {
                out.print(Usage.text());
                return OK;
            }
            config = TrainerConfig.from(env, commandLine.flags());
            if (commandLine.once()) {
                config = config.once();
            }
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE;
        }
        return config.every().isPresent() ? runScheduled(config, config.every().get()) : runOnce(config);
    }

    private int runOnce(TrainerConfig config) {
        try {
            new TrainingJob(config, new ConsoleProgress(out)).run();
            return OK;
        } catch (NotEnoughDataException e) {
            err.println("train: " + e.getMessage());
            return NOT_ENOUGH_DATA;
        } catch (Exception e) {
            LOG.error("training failed", e);
            err.println("train: failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int runScheduled(TrainerConfig config, Duration every) {
        out.println("[trainer] training every " + Durations.format(every)
                + " and when an operator asks (POST /admin/models/retrain); stop with Ctrl-C");
        try (RetrainRequests requests = new RetrainRequests(config.bootstrapServers())) {
            while (true) {
                Instant started = Instant.now();
                try {
                    new TrainingJob(config, new ConsoleProgress(out)).run();
                } catch (NotEnoughDataException e) {
                    out.println("[trainer] " + e.getMessage());
                } catch (Exception e) {
                    LOG.error("training failed; trying again at the next run", e);
                    err.println("train: failed: " + e.getMessage());
                }
                Instant next = started.plus(every);
                out.println("[trainer] next run at " + next);
                if (!awaitNextRun(next, started, requests)) {
                    out.println("[trainer] stopped");
                    return OK;
                }
            }
        }
    }

    /** Waits until {@code next} or an operator's request, whichever is first; false when stopped instead. */
    private boolean awaitNextRun(Instant next, Instant lastRunStarted, RetrainRequests requests) {
        try {
            while (true) {
                long left = Duration.between(Instant.now(), next).toMillis();
                if (left <= 0) {
                    return true;
                }
                if (stop.await(Math.min(left, REQUEST_CHECK.toMillis()), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                Optional<RetrainRequests.Request> request = requests.poll(lastRunStarted, Duration.ZERO);
                if (request.isPresent()) {
                    out.println("[trainer] retrain requested at " + request.get().at() + " ("
                            + request.get().note() + "): training now");
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
