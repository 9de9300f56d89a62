package io.churnwatch.producers.cli;

import java.util.Arrays;
import java.util.Optional;

/** What the replay reads: the word after {@code replay} on the command line. */
public enum SourceKind {
    ONLINE_RETAIL("online-retail", true),
    CSV("csv", true),
    SYNTHETIC("synthetic", false);

    private final String word;
    private final boolean needsPath;

    SourceKind(String word, boolean needsPath) {
        this.word = word;
        this.needsPath = needsPath;
    }

    public String word() {
        return word;
    }

    public boolean needsPath() {
        return needsPath;
    }

    static Optional<SourceKind> fromWord(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }
}
