package io.churnwatch.scoring.reasons;

import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units, written the way a CRM user reads them: {@code £1,234.50}. */
final class Money {

    private Money() {
    }

    static String format(double minorUnits, String currencyCode) {
        Currency currency = currencyOf(currencyCode);
        int digits = currency == null ? 2 : Math.max(0, currency.getDefaultFractionDigits());
        double major = minorUnits / Math.pow(10, digits);
        String amount = String.format(Locale.UK, "%,." + digits + "f", major);
        return symbol(currencyCode) + amount;
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

    private static Currency currencyOf(String code) {
        try {
            return code == null ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
