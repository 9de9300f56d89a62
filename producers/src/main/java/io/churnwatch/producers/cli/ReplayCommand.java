package io.churnwatch.producers.cli;

import io.churnwatch.producers.publish.OrderPublisher;
import io.churnwatch.producers.source.InvalidInputException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/**
 * {@code replay}: streams Online Retail, generic CSV or synthetic order events into Kafka. See {@link HelpText}
 * or run with {@code --help}.
 */
public final class ReplayCommand {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Function<ReplayOptions, OrderPublisher> publishers;

    ReplayCommand(Map<String, String> env, PrintStream out, PrintStream err, boolean interactive,
                  Function<ReplayOptions, OrderPublisher> publishers) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.publishers = publishers;
    }

    public static void main(String[] args) {
        // Kafka clients log every setting at INFO; keep the terminal for the progress bar unless asked otherwise.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        System.exit(forConsole().run(args));
    }

    /** The command as run from a terminal: the process environment, standard streams, a real Kafka publisher. */
    public static ReplayCommand forConsole() {
        return new ReplayCommand(System.getenv(), System.out, System.err, System.console() != null,
                options -> OrderPublisher.create(options.publisherSettings()));
    }

    /** Runs the command and returns its exit code; never calls {@link System#exit}. */
    public int run(String[] args) {
        Optional<ReplayOptions> parsed;
        try {
            parsed = new ReplayOptionsParser(env).parse(args);
        } catch (UsageException e) {
            err.println("replay: " + e.getMessage());
            err.println("Try 'churnwatch replay --help' for the options and examples.");
            return EXIT_USAGE;
        }
        if (parsed.isEmpty()) {
            out.print(HelpText.TEXT);
            return EXIT_OK;
        }
        ReplayOptions options = parsed.get();
        try {
            Replay.Outcome outcome = new Replay(options, err, interactive, publishers).run();
            out.print(SummaryReport.render(options.describeSource(), outcome.summary(), outcome.published(),
                    outcome.limited(), outcome.seconds()));
            if (!outcome.succeeded()) {
                err.println("replay: not every order reached Kafka at " + options.bootstrapServers()
                        + " (topic '" + options.topic() + "'): " + outcome.published().firstFailure());
                return EXIT_FAILURE;
            }
            return EXIT_OK;
        } catch (InvalidInputException e) {
            err.println("replay: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (KafkaException e) {
            err.println("replay: Kafka client error: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("replay: interrupted");
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            err.println("replay: failed: " + e);
            return EXIT_FAILURE;
        }
    }
}
