package io.churnwatch.cli.deploy;

import io.churnwatch.cli.deploy.ComposeFile.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images are pinned (a version tag, never {@code latest}), and the Dockerfiles compose builds exist, pin their
 * base images, install the OpenMP runtime xgboost4j needs, and set only variables the application reads.
 */
final class ImageChecks {

    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern ENV_KEY = Pattern.compile("\\b(CHURNWATCH_[A-Z0-9_]+)=");

    private ImageChecks() {
    }

    static void check(Deployment deployment, Consumer<String> problems) {
        Set<Path> dockerfiles = new HashSet<>();
        for (Service service : deployment.compose().services().values()) {
            service.image().ifPresent(image -> pinned(service.name() + ": image", image, !service.isBuilt(), problems));
            if (!service.isBuilt() && service.image().isEmpty()) {
                problems.accept(service.name() + ": has neither an image nor a build");
            }
            service.build(deployment.compose().directory()).ifPresent(build -> {
                if (!Files.isDirectory(build[0])) {
                    problems.accept(service.name() + ": build context " + build[0] + " does not exist");
                } else if (!Files.isRegularFile(build[1])) {
                    problems.accept(service.name() + ": Dockerfile " + build[1] + " does not exist");
                } else if (dockerfiles.add(build[1].normalize())) {
                    dockerfile(service.name(), build[1], problems);
                }
            });
        }
    }

    /** {@code repo:tag} with a tag that is no {@code latest}; third-party tags must carry a version number. */
    static void pinned(String what, String image, boolean needsVersion, Consumer<String> problems) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        String tag = colon < 0 ? "" : name.substring(colon + 1);
        if (image.contains("@sha256:")) {
            return;
        }
        if (tag.isEmpty() || tag.toLowerCase(Locale.ROOT).equals("latest")) {
            problems.accept(what + " " + image + " is not pinned to a version");
        } else if (needsVersion && !tag.matches(".*\\d.*")) {
            problems.accept(what + " " + image + " has a tag without a version number");
        }
    }

    private static void dockerfile(String service, Path file, Consumer<String> problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String joined = text.replaceAll("\\\\\\r?\\n", " ");
        Set<String> stages = new HashSet<>();
        Matcher from = FROM.matcher(joined);
        while (from.find()) {
            if (!stages.contains(from.group(1)) && !from.group(1).equals("scratch")) {
                pinned(service + ": " + file.getFileName() + " FROM", from.group(1), true, problems);
            }
            if (from.group(2) != null) {
                stages.add(from.group(2));
            }
        }
        if (!Pattern.compile("apt-get install[^\\n]*\\blibgomp1\\b").matcher(joined).find()) {
            problems.accept(service + ": " + file + " does not install libgomp1 (xgboost4j's native library needs it)");
        }
        Set<String> known = KnownSettings.readByAnyRole();
        for (String line : joined.split("\\r?\\n")) {
            if (line.trim().toUpperCase(Locale.ROOT).startsWith("ENV ")) {
                Matcher key = ENV_KEY.matcher(line);
                while (key.find()) {
                    if (!known.contains(key.group(1))) {
                        problems.accept(service + ": " + file.getFileName() + " sets " + key.group(1)
                                + ", which the application does not read");
                    }
                }
            }
        }
    }
}
