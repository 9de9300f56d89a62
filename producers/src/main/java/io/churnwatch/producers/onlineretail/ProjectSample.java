package io.churnwatch.producers.onlineretail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the project's committed real-data sample, {@code data/sample/online_retail_II_sample.csv.gz}, from
 * wherever a test or tool runs inside the project (module directories included).
 */
public final class ProjectSample {

    public static final String RELATIVE_PATH = "data/sample/online_retail_II_sample.csv.gz";

    private ProjectSample() {
    }

    /** @throws IllegalStateException if no parent of the working directory holds the sample */
    public static Path onlineRetailII() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find " + RELATIVE_PATH + " in " + Paths.get("").toAbsolutePath()
                + " or any parent directory");
    }
}
