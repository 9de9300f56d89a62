package io.churnwatch.trainer.cli;

import io.churnwatch.trainer.config.TrainerSetting;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line: {@code [train] [--once | --every <duration>] [--<setting> <value>]... [--help]}.
 * Settings also take the {@code --flag=value} form.
 *
 * @param once  {@code --once} was given (overrides a schedule from the environment)
 * @param flags settings given as flags ({@code --every} is the {@link TrainerSetting#EVERY} setting)
 */
record CommandLine(boolean help, boolean once, Map<TrainerSetting, String> flags) {

    static CommandLine parse(List<String> args) {
        Map<TrainerSetting, String> flags = new EnumMap<>(TrainerSetting.class);
        boolean help = false;
        boolean once = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i == 0 && arg.equals("train")) {
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--once")) {
                once = true;
                continue;
            }
            String flag = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            TrainerSetting setting = TrainerSetting.byFlag(flag);
            if (setting == null) {
                throw new UsageException("unknown argument '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args.get(++i);
            }
            flags.put(setting, value);
        }
        if (once && flags.containsKey(TrainerSetting.EVERY)) {
            throw new UsageException("--once and --every exclude each other");
        }
        return new CommandLine(help, once, flags);
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
