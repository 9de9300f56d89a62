package io.churnwatch.producers.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: {@code [########------------]  41.3%  18,120 orders  6,040 orders/s}.
 * On a terminal it redraws in place at most a few times a second; otherwise (logs, CI) it prints a line at each
 * tenth of the way.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastDecile = -1;

    ProgressBar(PrintStream out, boolean interactive, long startNanos) {
        this.out = out;
        this.interactive = interactive;
        this.startNanos = startNanos;
    }

    /** Called after each order; cheap when there is nothing to draw. */
    void update(double fraction, long orders, long nowNanos) {
        if (interactive) {
            if (nowNanos - lastDrawNanos >= REDRAW_NANOS) {
                lastDrawNanos = nowNanos;
                out.print('\r' + render(fraction, orders, nowNanos));
                out.flush();
            }
        } else {
            int decile = (int) Math.floor(Math.min(1.0, fraction) * 10);
            if (decile > lastDecile && decile < 10) { // the last line is finish()'s
                lastDecile = decile;
                out.println(render(fraction, orders, nowNanos));
            }
        }
    }

    /** Draws the final state and ends the line. */
    void finish(double fraction, long orders, long nowNanos) {
        out.println((interactive ? "\r" : "") + render(fraction, orders, nowNanos));
        out.flush();
    }

    String render(double fraction, long orders, long nowNanos) {
        double clamped = Math.max(0, Math.min(1.0, fraction));
        int filled = (int) Math.round(clamped * WIDTH);
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        return String.format(Locale.ROOT, "[%s%s] %5.1f%%  %,d orders  %,.0f orders/s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), clamped * 100, orders, orders / seconds);
    }
}
