package io.churnwatch.producers.cli;

import io.churnwatch.producers.publish.PublisherSettings;
import io.churnwatch.producers.synthetic.SyntheticConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything a replay needs, with the defaults in one place. Connection settings fall back to environment
 * variables, then to local defaults.
 *
 * @param path       the input file (null for synthetic)
 * @param speedup    replay at this multiple of the original pace (86400 = a day per second); null = as fast as
 *                   possible
 * @param limit      stop after this many events; null = all
 * @param from       send only events at or after this instant; null = from the start
 * @param until      send only events before this instant; null = to the end
 * @param zone       time zone of generic-CSV timestamps without an offset
 * @param progress   draw the progress bar on stderr
 */
public record ReplayOptions(SourceKind source, Path path, String bootstrapServers, String schemaRegistryUrl,
                            String topic, Double speedup, Long limit, Instant from, Instant until,
                            boolean dryRun, boolean progress, long customers, int days, long seed, LocalDate start, ZoneId zone) {

    public static final String ENV_BOOTSTRAP_SERVERS = "CHURNWATCH_BOOTSTRAP_SERVERS";
    public static final String ENV_SCHEMA_REGISTRY_URL = "CHURNWATCH_SCHEMA_REGISTRY_URL";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";
    public static final String DEFAULT_TOPIC = "orders";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /** Starts from the defaults for a source, with connection settings from the environment where set. */
    static Builder builder(SourceKind source, Path path, Map<String, String> env) {
        return new Builder(source, path, env);
    }

    /** Mutable while the command line is read; {@link #build()} freezes it. */
    static final class Builder {
        private final SourceKind source;
        private final Path path;
        String bootstrapServers;
        String schemaRegistryUrl;
        String topic = DEFAULT_TOPIC;
        Double speedup;
        Long limit;
        Instant from;
        Instant until;
        boolean dryRun;
        boolean progress = true;
        long customers = SyntheticConfig.DEFAULT_CUSTOMERS;
        int days = SyntheticConfig.DEFAULT_DAYS;
        long seed = SyntheticConfig.DEFAULT_SEED;
        LocalDate start = SyntheticConfig.DEFAULT_START;
        ZoneId zone = DEFAULT_ZONE;

        private Builder(SourceKind source, Path path, Map<String, String> env) {
            this.source = source;
            this.path = path;
            this.bootstrapServers = env.getOrDefault(ENV_BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS);
            this.schemaRegistryUrl = env.getOrDefault(ENV_SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        }

        SourceKind source() {
            return source;
        }

        ReplayOptions build() {
            return new ReplayOptions(source, path, bootstrapServers, schemaRegistryUrl, topic, speedup, limit, from, until, dryRun,
                    progress, customers, days, seed, start, zone);
        }
    }

    /** Whether an event at this instant lies in the chosen time window. */
    public boolean inWindow(Instant eventTime) {
        return (from == null || !eventTime.isBefore(from)) && (until == null || eventTime.isBefore(until));
    }

    public PublisherSettings publisherSettings() {
        return new PublisherSettings(bootstrapServers, schemaRegistryUrl, topic);
    }

    public SyntheticConfig syntheticConfig() {
        return SyntheticConfig.defaults().withCustomers(customers).withDays(days).withSeed(seed).withStart(start);
    }

    /** A short description of the input for the summary's title. */
    public String describeSource() {
        return source == SourceKind.SYNTHETIC
                ? "synthetic: " + customers + " customers, " + days + " days from " + start + ", seed " + seed
                : source.word() + " " + path;
    }
}
