package io.churnwatch.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a report as {@code training-report-v<version>.md} (for people) and {@code .json} (for machines), and
 * refreshes {@code latest.md} / {@code latest.json} beside them.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Returns the markdown and JSON paths written. */
    public static List<Path> write(TrainingReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = "training-report-v" + report.version();
        Path markdown = directory.resolve(base + ".md");
        Path json = directory.resolve(base + ".json");
        writeAtomically(markdown, MarkdownReport.render(report));
        writeAtomically(json, toJson(report));
        Files.copy(markdown, directory.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(json, directory.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        return List.of(markdown, json);
    }

    public static String toJson(TrainingReport report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    public static TrainingReport fromJson(String json) throws IOException {
        return JSON.readValue(json, TrainingReport.class);
    }

    /** Readers never see half a report: write beside the target, then move over it. */
    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
