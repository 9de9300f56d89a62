package io.churnwatch.benchmarks.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --name value} and {@code --flag} arguments, checked against the options a command knows, so that a typo
 * stops the run with a clear message instead of being ignored.
 */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * @param withValue options followed by a value, e.g. {@code --input}
     * @param flagNames options without a value, e.g. {@code --help}
     */
    public static Args parse(String[] args, Set<String> withValue, Set<String> flagNames) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            if (flagNames.contains(name) && inline == null) {
                parsed.flags.add(name);
            } else if (withValue.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args[++i];
                }
                parsed.values.put(name, value);
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return parsed;
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A value converted by {@code parse}; a value that does not convert is a usage error naming the option. */
    public <T> T get(String name, T defaultValue, Function<String, T> parse) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return parse.apply(text.trim());
        } catch (RuntimeException e) {
            throw new UsageException(name + " '" + text + "' is invalid: " + e.getMessage());
        }
    }

    /** Comma-separated longs, e.g. {@code 10000,100000,1000000}. */
    public static List<Long> longs(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
    }
}
