package io.churnwatch.scoring.release;

import java.util.Locale;

/** How the scorer computes churn probabilities and their SHAP reasons. */
public enum ChurnEngine {
    /**
     * The trees walked and exact TreeSHAP computed in plain Java, checked against xgboost4j when a release loads;
     * a release the Java path cannot reproduce uses xgboost4j.
     */
    JAVA,
    /** xgboost4j's {@code predictContrib} per record, through JNI. */
    XGBOOST;

    /** {@code java} or {@code xgboost}, any case. */
    public static ChurnEngine parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "java" -> JAVA;
            case "xgboost" -> XGBOOST;
            default -> throw new IllegalArgumentException("must be 'java' or 'xgboost'");
        };
    }
}
