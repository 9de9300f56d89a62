package io.churnwatch.trainer.config;

import io.churnwatch.trainer.churn.ChurnModelSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trainer's whole configuration, typed: where Kafka and the registry are, where reports go, how often to train,
 * and the {@link TrainingSettings} of each run. Values come from flags, then {@code CHURNWATCH_*} environment
 * variables, then the documented defaults ({@link TrainerSetting}); a malformed value fails at start and names the
 * flag and the variable.
 *
 * @param every empty = train once
 */
public record TrainerConfig(String bootstrapServers, String schemaRegistryUrl, Path reportDir,
                            Optional<Duration> every, short modelsReplicationFactor, Duration readTimeout,
                            TrainingSettings training) {

    /**
     * @param env   environment variables (missing ones take their defaults)
     * @param flags values given on the command line, which win
     */
    public static TrainerConfig from(Map<String, String> env, Map<TrainerSetting, String> flags) {
        Reader read = new Reader(env, flags);
        ChurnModelSettings churn = ChurnModelSettings.defaults()
                .withThreads(read.get(TrainerSetting.XGBOOST_THREADS, Reader::positiveInt))
                .withRounds(read.get(TrainerSetting.MAX_ROUNDS, Reader::positiveInt),
                        read.get(TrainerSetting.EARLY_STOPPING_ROUNDS, Reader::positiveInt));
        TrainingSettings training = TrainingSettings.defaults()
                .withHorizonDays(read.get(TrainerSetting.HORIZON_DAYS, Reader::positiveInt))
                .withMinRowsPerClass(read.get(TrainerSetting.MIN_ROWS_PER_CLASS, Reader::positiveInt))
                .withPromotionTolerance(read.get(TrainerSetting.PROMOTION_TOLERANCE, Reader::nonNegative))
                .withThresholdEconomics(read.get(TrainerSetting.SAVE_RATE, Reader::share),
                        read.get(TrainerSetting.CONTACT_COST_MINOR, Reader::nonNegative),
                        read.get(TrainerSetting.INCENTIVE_SHARE, Reader::fraction))
                .withBgNbdFitSample(read.get(TrainerSetting.BGNBD_FIT_SAMPLE, Reader::positiveInt))
                .withChurnModel(churn);
        String every = read.get(TrainerSetting.EVERY, String::trim);
        return new TrainerConfig(
                read.get(TrainerSetting.BOOTSTRAP_SERVERS, Reader::nonEmpty),
                read.get(TrainerSetting.SCHEMA_REGISTRY_URL, Reader::nonEmpty),
                Path.of(read.get(TrainerSetting.REPORT_DIR, Reader::nonEmpty)),
                every.isEmpty() ? Optional.empty() : Optional.of(Reader.positiveDuration(every)),
                read.get(TrainerSetting.MODELS_REPLICATION_FACTOR, text -> (short) Reader.positiveInt(text)),
                read.get(TrainerSetting.READ_TIMEOUT, Reader::positiveDuration),
                training);
    }

    /** Schedule forced to "once", whatever the environment says (the {@code --once} flag). */
    public TrainerConfig once() {
        return new TrainerConfig(bootstrapServers, schemaRegistryUrl, reportDir, Optional.empty(),
                modelsReplicationFactor, readTimeout, training);
    }

    private record Reader(Map<String, String> env, Map<TrainerSetting, String> flags) {

        <T> T get(TrainerSetting setting, Function<String, T> parse) {
            String source;
            String text;
            if (flags.containsKey(setting)) {
                source = setting.flag();
                text = flags.get(setting);
            } else if (env.get(setting.envVar()) != null) {
                source = setting.envVar();
                text = env.get(setting.envVar());
            } else {
                source = "the default of " + setting.flag();
                text = setting.defaultValue();
            }
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid value '" + text + "' for " + source + " ("
                        + setting.flag() + " / " + setting.envVar() + "): " + e.getMessage(), e);
            }
        }

        static String nonEmpty(String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return text.trim();
        }

        static int positiveInt(String text) {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new IllegalArgumentException("must be at least 1");
            }
            return value;
        }

        static double nonNegative(String text) {
            double value = Double.parseDouble(text.trim());
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("must be a finite number >= 0");
            }
            return value;
        }

        static double share(String text) {
            double value = Double.parseDouble(text.trim());
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("must lie in (0, 1]");
            }
            return value;
        }

        static double fraction(String text) {
            double value = Double.parseDouble(text.trim());
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("must lie in [0, 1]");
            }
            return value;
        }

        static Duration positiveDuration(String text) {
            Duration duration = Durations.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be longer than zero");
            }
            return duration;
        }
    }
}
