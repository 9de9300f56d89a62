package io.churnwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the interop scripts in {@code interop/python} with the system interpreter, where Debian installs
 * python3-confluent-kafka and python3-avro (not a pyenv or venv python that may come first on PATH).
 */
final class PythonScripts {

    /** The interpreter: CHURNWATCH_INTEROP_PYTHON, or the system one. */
    static final String PYTHON = System.getenv().getOrDefault("CHURNWATCH_INTEROP_PYTHON", "/usr/bin/python3");
    static final String REQUIRE_VARIABLE = "CHURNWATCH_REQUIRE_INTEROP";
    private static final long TIMEOUT_SECONDS = 180;

    private PythonScripts() {
    }

    /** The folder of the scripts, found from the module directory Maven runs tests in. */
    static Path scriptDir() {
        Path fromModule = Path.of(System.getProperty("user.dir")).resolve("../interop/python").normalize();
        return Files.isDirectory(fromModule) ? fromModule : Path.of("interop/python").toAbsolutePath();
    }

    /** Why the Python side cannot run here, or null when it can. */
    static String whyUnavailable() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " does not exist";
        }
        try {
            Result result = run(List.of(PYTHON, "-c",
                    "import confluent_kafka, avro.schema; from confluent_kafka.avro import AvroProducer, AvroConsumer"));
            return result.exitCode() == 0 ? null : "the Python packages are missing: " + result.stderr().strip();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** Runs a script with arguments and returns what it printed; fails with its stderr unless it exits 0. */
    static List<JsonNode> runScript(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON, scriptDir().resolve(script).toString()));
        command.addAll(List.of(args));
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(script + " exited " + result.exitCode() + "\n--- stderr ---\n" + result.stderr()
                    + "\n--- stdout ---\n" + result.stdout());
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(RegistryHttp.JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError(script + " printed a line that is not JSON: " + line
                            + "\n--- stderr ---\n" + result.stderr(), e);
                }
            }
        }
        return lines;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("interop-out", ".txt");
            err = Files.createTempFile("interop-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The system interpreter with its own packages only, and no .pyc files left in the repository.
            builder.environment().remove("PYTHONPATH");
            builder.environment().remove("PYTHONHOME");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s\n--- stderr ---\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A temp file left behind is harmless.
            }
        }
    }
}
