package io.churnwatch.trainer.release;

/**
 * Whether a candidate replaces the current release, and why, in words.
 *
 * @param currentVersion null without a current release
 * @param currentAuc     the current release's model re-scored on the candidate's test cutoff; null when it could
 *                       not be (no current release, or one this version cannot score)
 */
public record PromotionDecision(boolean promoted, String note, double candidateAuc, Long currentVersion,
                                Double currentAuc, double tolerance) {
}
