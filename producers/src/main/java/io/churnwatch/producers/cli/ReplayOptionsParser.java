package io.churnwatch.producers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code [replay] (online-retail PATH | csv PATH | synthetic) [options]}. Options may come before or after
 * the source, as {@code --name value} or {@code --name=value}. Returns empty when help was asked for.
 */
final class ReplayOptionsParser {

    private final Map<String, String> env;

    ReplayOptionsParser(Map<String, String> env) {
        this.env = env;
    }

    Optional<ReplayOptions> parse(String[] args) throws UsageException {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
        }
        List<String> positional = new ArrayList<>();
        List<String[]> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (isFlag(name)) {
                if (eq > 0) {
                    throw new UsageException(name + " takes no value");
                }
                options.add(new String[] {name, null});
            } else if (eq > 0) {
                options.add(new String[] {name, arg.substring(eq + 1)});
            } else if (i + 1 < args.length) {
                options.add(new String[] {name, args[++i]});
            } else {
                throw new UsageException(name + " needs a value");
            }
        }
        if (!positional.isEmpty() && positional.get(0).equals("replay")) {
            positional.remove(0);
        }
        ReplayOptions.Builder builder = source(positional);
        for (String[] option : options) {
            apply(builder, option[0], option[1]);
        }
        return Optional.of(builder.build());
    }

    private ReplayOptions.Builder source(List<String> positional) throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("say what to replay: online-retail PATH, csv PATH or synthetic");
        }
        String word = positional.get(0);
        SourceKind kind = SourceKind.fromWord(word).orElseThrow(() -> new UsageException(
                "unknown source '" + word + "': expected online-retail, csv or synthetic"));
        Path path = null;
        if (kind.needsPath()) {
            if (positional.size() < 2) {
                throw new UsageException(kind.word() + " needs the path of a .csv or .csv.gz file");
            }
            path = Path.of(positional.get(1));
            if (!Files.isRegularFile(path)) {
                throw new UsageException("no such file: " + path);
            }
            if (!Files.isReadable(path)) {
                throw new UsageException("cannot read " + path);
            }
        }
        int expected = kind.needsPath() ? 2 : 1;
        if (positional.size() > expected) {
            throw new UsageException("unexpected argument '" + positional.get(expected) + "'");
        }
        return ReplayOptions.builder(kind, path, env);
    }

    private static boolean isFlag(String name) {
        return name.equals("--dry-run") || name.equals("--no-progress");
    }

    private static void apply(ReplayOptions.Builder o, String name, String value) throws UsageException {
        switch (name) {
            case "--bootstrap-servers" -> o.bootstrapServers = nonBlank(name, value);
            case "--schema-registry-url" -> o.schemaRegistryUrl = registryUrl(value);
            case "--topic" -> o.topic = nonBlank(name, value);
            case "--speedup" -> o.speedup = positiveDouble(name, value);
            case "--limit" -> o.limit = positiveLong(name, value, Long.MAX_VALUE);
            case "--from" -> o.from = instant(name, value);
            case "--until" -> o.until = instant(name, value);
            case "--dry-run" -> o.dryRun = true;
            case "--no-progress" -> o.progress = false;
            case "--customers" -> o.customers = positiveLong(only(o, SourceKind.SYNTHETIC, name), value,
                    Integer.MAX_VALUE);
            case "--days" -> o.days = (int) positiveLong(only(o, SourceKind.SYNTHETIC, name), value, 36_500);
            case "--seed" -> o.seed = anyLong(only(o, SourceKind.SYNTHETIC, name), value);
            case "--start" -> o.start = startDate(only(o, SourceKind.SYNTHETIC, name), value);
            case "--time-zone" -> o.zone = zone(only(o, SourceKind.CSV, name), value);
            default -> throw new UsageException("unknown option " + name + " (see --help)");
        }
    }

    /** Passes the option name through if it applies to the chosen source. */
    private static String only(ReplayOptions.Builder o, SourceKind kind, String name) throws UsageException {
        if (o.source() != kind) {
            throw new UsageException(name + " only applies to " + kind.word());
        }
        return name;
    }

    private static String nonBlank(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value.trim();
    }

    private static String registryUrl(String value) throws UsageException {
        String url = value.trim();
        if (!url.startsWith("http://") && !url.startsWith("https://") && !url.startsWith("mock://")) {
            throw new UsageException("--schema-registry-url must start with http://, https:// or mock://, got '"
                    + value + "'");
        }
        return url;
    }

    private static double positiveDouble(String name, String value) throws UsageException {
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive number, got '" + value + "'");
    }

    private static long positiveLong(String name, String value, long max) throws UsageException {
        long number = anyLong(name, value);
        if (number < 1 || number > max) {
            throw new UsageException(name + " must be a whole number from 1 to " + max + ", got '" + value + "'");
        }
        return number;
    }

    private static long anyLong(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** A date (midnight UTC) or an ISO-8601 instant. */
    private static Instant instant(String name, String value) throws UsageException {
        try {
            return value.contains("T")
                    ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be a date like 2011-01-01 or an instant like "
                    + "2011-01-01T00:00:00Z, got '" + value + "'");
        }
    }

    private static LocalDate startDate(String name, String value) throws UsageException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be a date like 2024-01-01, got '" + value + "'");
        }
    }

    private static ZoneId zone(String name, String value) throws UsageException {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new UsageException(name + " must be a zone id like UTC or Europe/London, got '" + value + "'");
        }
    }
}
