package io.churnwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Avro 1.12 refuses to load classes by name unless trusted. This runs in a class loader of its own, so that no
 * serde or earlier test has installed the trust already: touching a generated class alone must be enough.
 */
class AvroClassTrustTest {

    @Test
    void aBuilderThatFillsARecordTypedDefaultWorksWithoutAnySerdeInSight() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> scoreClass = isolated.loadClass("io.churnwatch.schemas.CustomerScore");
            Object builder = scoreClass.getMethod("newBuilder").invoke(null);
            builder.getClass().getMethod("setCustomerId", String.class).invoke(builder, "13047");
            builder.getClass().getMethod("setScoredAt", Instant.class).invoke(builder, Instant.EPOCH);

            // reasons defaults to [] of Reason records: Avro loads io.churnwatch.schemas.Reason by name.
            Object score = builder.getClass().getMethod("build").invoke(builder);

            assertThat(scoreClass.getMethod("getReasons").invoke(score)).asList().isEmpty();
            assertThat(isolated.loadClass(AvroClassTrust.class.getName())).isNotSameAs(AvroClassTrust.class);
        }
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
