package io.churnwatch.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Java Flight Recorder on the node under test for the measured run only ({@code --profile}), through jcmd: the
 * load phase before it, which is all stream processing, stays out of the recording.
 */
final class NodeProfiler {

    private final long pid;
    private final String name;
    private final Path file;

    private NodeProfiler(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    static NodeProfiler start(ServingNodeProcess node, String name, Path file) {
        NodeProfiler profiler = new NodeProfiler(node.pid(), name, file);
        profiler.jcmd("JFR.start", "name=" + name, "settings=profile");
        return profiler;
    }

    /** Stops the recording and writes it to the file ({@code jfr print --events jdk.ExecutionSample FILE}). */
    Path stop() {
        jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        return file;
    }

    private void jcmd(String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
