package io.churnwatch.scoring.trees;

/**
 * An XGBoost model this package cannot reproduce exactly (another objective or booster, categorical splits,
 * several outputs, an unexpected layout). The message says which; callers fall back to XGBoost itself.
 */
public final class UnsupportedModelException extends IllegalArgumentException {

    public UnsupportedModelException(String message) {
        super(message);
    }

    public UnsupportedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
