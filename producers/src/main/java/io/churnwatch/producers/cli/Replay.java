package io.churnwatch.producers.cli;

import io.churnwatch.producers.csv.GenericCsvReader;
import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.producers.publish.OrderPublisher;
import io.churnwatch.producers.publish.PublishResult;
import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.OrderSource;
import io.churnwatch.producers.synthetic.SyntheticOrderSource;
import io.churnwatch.schemas.OrderEvent;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * One replay: pull events from the source, pace them, hand them to the publisher (or not, for a dry run), draw
 * progress, and report.
 */
final class Replay {

    /** The outcome: what was read and, unless it was a dry run, what was sent. */
    record Outcome(ImportSummary summary, PublishResult published, boolean limited, double seconds) {

        boolean succeeded() {
            return published == null || published.succeeded();
        }
    }

    private final ReplayOptions options;
    private final PrintStream progressOut;
    private final boolean interactive;
    private final Function<ReplayOptions, OrderPublisher> publishers;

    Replay(ReplayOptions options, PrintStream progressOut, boolean interactive,
           Function<ReplayOptions, OrderPublisher> publishers) {
        this.options = options;
        this.progressOut = progressOut;
        this.interactive = interactive;
        this.publishers = publishers;
    }

    static OrderSource openSource(ReplayOptions options) {
        return switch (options.source()) {
            case ONLINE_RETAIL -> OnlineRetailReader.open(options.path());
            case CSV -> GenericCsvReader.open(options.path(), options.zone());
            case SYNTHETIC -> new SyntheticOrderSource(options.syntheticConfig());
        };
    }

    Outcome run() throws InterruptedException {
        long startNanos = System.nanoTime();
        ProgressBar progress = options.progress() ? new ProgressBar(progressOut, interactive, startNanos) : null;
        Pacer pacer = options.speedup() == null ? null : Pacer.realTime(options.speedup());
        long limit = options.limit() == null ? Long.MAX_VALUE : options.limit();
        try (OrderSource source = openSource(options);
             OrderPublisher publisher = options.dryRun() ? null : publishers.apply(options)) {
            long count = 0;
            while (count < limit && source.hasNext()) {
                OrderEvent event = source.next();
                if (!options.inWindow(event.getEventTime())) {
                    // Events come in event-time order: past the window's end nothing more will be sent.
                    if (options.until() != null && !event.getEventTime().isBefore(options.until())) {
                        break;
                    }
                    continue;
                }
                if (pacer != null) {
                    pacer.awaitTurn(event.getEventTime().toEpochMilli());
                }
                if (publisher != null) {
                    publisher.send(event);
                    if (publisher.hasFailed()) {
                        break;
                    }
                }
                count++;
                if (progress != null) {
                    progress.update(fraction(source, count, limit), count, System.nanoTime());
                }
            }
            boolean limited = count >= limit && source.hasNext();
            PublishResult published = publisher == null ? null : publisher.finish();
            if (progress != null) {
                progress.finish(limited ? 1.0 : source.progress(), count, System.nanoTime());
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new Outcome(source.summary(), published, limited, seconds);
        }
    }

    private static double fraction(OrderSource source, long count, long limit) {
        double byLimit = limit == Long.MAX_VALUE ? 0 : (double) count / limit;
        return Math.max(source.progress(), byLimit);
    }
}
