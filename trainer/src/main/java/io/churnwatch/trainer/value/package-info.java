/**
 * Customer value: the BG/NBD model of repeat purchasing and drop-out (Fader, Hardie &amp; Lee 2005) and the
 * Gamma-Gamma model of spend per transaction (Fader &amp; Hardie 2013), both fitted by maximum likelihood.
 *
 * <p><b>Time unit.</b> Every time argument (recency {@code t_x}, age {@code T}, horizons) and the fitted
 * {@code alpha} share one unit, chosen by the caller: whatever unit the training summaries use is the unit
 * the fitted parameters speak. churnwatch uses <b>days</b> throughout (the {@code ValueModelParams} of a model
 * release say so), so a 90-day churn horizon is {@code horizon = 90}. Parameters fitted in weeks must not be
 * used with arguments in days: {@code alpha} scales with the unit, {@code r}, {@code a}, {@code b} do not.
 *
 * <p><b>Money unit.</b> Gamma-Gamma returns spend in the unit of the mean transaction values it was fitted on.
 */
package io.churnwatch.trainer.value;
