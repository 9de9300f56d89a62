package io.churnwatch.cli.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.churnwatch.broker.ChildJvm;

/**
 * One JVM the cluster command started: a {@code churnwatch} subcommand run through {@link ClusterChildMain} on this
 * JVM's classpath. Its output goes to its log file; its ERROR lines are also shown on the console, prefixed with
 * its name, so a failing node is noticed where the user looks. The last lines are kept to explain an exit.
 */
final class ChildProcess {

    /** An slf4j-simple line at ERROR ("12:00:00.000 [thread] ERROR logger - message"), or a failed start. */
    private static final Pattern ERROR_LINE = Pattern.compile(".*\\] ERROR .*|^Invalid configuration: .*");
    private static final int KEPT_LINES = 12;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile boolean stopping;

    private Thread pump;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code churnwatch <args>} in a new JVM.
     *
     * @param env     the child's whole environment
     * @param console where the child's error lines are echoed
     */
    static ChildProcess start(String name, List<String> jvmOptions, List<String> args, Map<String, String> env,
                              Path logFile, PrintStream console) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildJvm.classpath());
        command.add(ClusterChildMain.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                // stdin stays a pipe: the child stops when it closes, i.e. when this JVM is gone, even killed
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            ChildProcess child = new ChildProcess(name, builder.start(), logFile);
            child.pump = new Thread(() -> child.pumpOutput(console), "churnwatch-cluster-log-" + name);
            child.pump.setDaemon(true);
            child.pump.start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once {@link #stop} was asked for: an exit after that is no failure. */
    boolean stopping() {
        return stopping;
    }

    Process process() {
        return process;
    }

    /** Why it exited, with the last lines it wrote, for the console. */
    String exitReport() {
        try {
            pump.join(2000); // its last words may still be in the pipe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder text = new StringBuilder(name + " (pid " + process.pid() + ") exited with code "
                + process.exitValue() + "; its last lines (whole log: " + logFile + "):");
        synchronized (this) {
            lastLines.forEach(line -> text.append(System.lineSeparator()).append("    | ").append(line));
        }
        return text.toString();
    }

    /** Asks the child to stop (SIGTERM: its shutdown hooks run); does not wait. */
    void requestStop() {
        stopping = true;
        // Not Process.destroy(): that also closes the pipes, and what the child logs while it stops would be lost.
        process.toHandle().destroy();
    }

    /** Waits up to {@code timeout} for the exit asked for by {@link #requestStop}, then kills it. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    private void pumpOutput(PrintStream console) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                keep(line);
                if (ERROR_LINE.matcher(line).matches() && !stopping) {
                    console.println("  [" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            console.println("  [" + name + "] could not write its log " + logFile + ": " + e.getMessage());
        }
    }

    private synchronized void keep(String line) {
        lastLines.addLast(line);
        if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
        }
    }
}
