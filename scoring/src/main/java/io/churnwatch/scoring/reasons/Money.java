package io.churnwatch.scoring.reasons;

import java.util.Currency;

/**
 * Amounts in minor units, written the way a CRM user reads them: {@code £1,234.50}, {@code -£3.20}.
 *
 * <p>Written digit by digit rather than with {@code String.format}: every score writes a few of these, and the
 * formatter's per-call set-up (decimal symbols, pattern parsing) cost more than the rest of the reasons together.
 */
final class Money {

    private Money() {
    }

    static String format(double minorUnits, String currencyCode) {
        int digits = fractionDigits(currencyCode);
        long unit = 1;
        for (int i = 0; i < digits; i++) {
            unit *= 10;
        }
        // Half up on the minor units, as the formatter rounded the amount to the currency's digits.
        long rounded = Math.round(Math.abs(minorUnits));
        StringBuilder text = new StringBuilder(20);
        if (minorUnits < 0 && rounded != 0) {
            text.append('-');
        }
        text.append(symbol(currencyCode));
        appendGrouped(text, rounded / unit);
        if (digits > 0) {
            String fraction = Long.toString(rounded % unit);
            text.append('.');
            for (int pad = fraction.length(); pad < digits; pad++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }

    /** Thousands separated by commas. */
    private static void appendGrouped(StringBuilder text, long whole) {
        String digits = Long.toString(whole);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, head);
        for (int at = head; at < digits.length(); at += 3) {
            text.append(',').append(digits, at, at + 3);
        }
    }

    private static String symbol(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "GBP" -> "£";
            case "EUR" -> "€";
            case "USD" -> "$";
            default -> code + " ";
        };
    }

    private static int fractionDigits(String code) {
        if (code == null) {
            return 2;
        }
        try {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
