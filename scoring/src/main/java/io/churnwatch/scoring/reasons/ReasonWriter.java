package io.churnwatch.scoring.reasons;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.churn.ChurnFeature;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Puts one churn feature into words a CRM user understands, from the customer's own numbers: "No purchase for 94
 * days; this customer usually buys every 21 days" rather than "recency_days = 94, SHAP +0.8". Facts are stated
 * plainly; whether a fact raises or lowers the risk is the sign of the reason's contribution.
 */
public final class ReasonWriter {

    private ReasonWriter() {
    }

    /**
     * @param featureName  the feature, as in a release's {@code featureNames}
     * @param value        the feature's value for this customer (NaN when missing)
     * @param contribution its SHAP contribution (positive: towards churn)
     * @param customer     the customer's features, for context such as the usual gap and the currency
     * @param horizonDays  the release's churn horizon
     */
    public static String write(String featureName, double value, double contribution, CustomerFeatures customer,
                               int horizonDays) {
        ChurnFeature feature = ChurnFeature.byName(featureName);
        if (feature == null) {
            return featureName.replace('_', ' ') + " is " + (Double.isNaN(value) ? "unknown" : number(value));
        }
        String currency = customer.getCurrency();
        Double gap = customer.getInterPurchaseDaysMean();
        return switch (feature) {
            case RECENCY_DAYS -> Double.isNaN(value) ? "Has not bought anything yet"
                    : "No purchase for " + days(value) + (gap == null ? ""
                    : "; this customer usually buys every " + days(gap));
            case TENURE_DAYS -> Double.isNaN(value) ? "Has not bought anything yet"
                    : "Customer for " + duration(value);
            case ORDERS -> value == 1 ? "Only one order so far" : count(value, "order") + " so far";
            case RETURN_ORDERS -> value == 0 ? "Has never returned an order" : count(value, "order") + " returned";
            case GROSS_REVENUE -> "Spent " + Money.format(value, currency) + " in total";
            case RETURNED_VALUE -> value == 0 ? "Has returned nothing"
                    : "Returned goods worth " + Money.format(value, currency);
            case RETURN_RATE_ORDERS -> "Returned " + percent(value) + " of their orders";
            case RETURN_RATE_VALUE -> "Returned " + percent(value) + " of what they spent";
            case AVG_ORDER_VALUE -> "Average order of " + Money.format(value, currency);
            case ITEMS_PER_ORDER -> "About " + number(value) + " items per order";
            case GAP_MEAN -> Double.isNaN(value) ? "Only one purchase, so no usual buying rhythm yet"
                    : "Usually buys every " + days(value);
            case GAP_STD -> Double.isNaN(value) ? "Too few purchases to tell how regular they are"
                    : "Time between purchases varies by about " + days(value);
            case RECENCY_OVER_GAP -> Double.isNaN(value) ? "Only one purchase, so no usual buying rhythm yet"
                    : overdue(value, customer);
            case REVENUE_30D, REVENUE_90D, REVENUE_180D, REVENUE_365D -> value == 0
                    ? "Nothing spent in the last " + window(feature)
                    : "Spent " + Money.format(value, currency) + " in the last " + window(feature);
            case ORDERS_30D, ORDERS_90D, ORDERS_180D, ORDERS_365D -> value == 0
                    ? "No orders in the last " + window(feature)
                    : count(value, "order") + " in the last " + window(feature);
            case REVENUE_PREV_90D -> "Spent " + Money.format(value, currency) + " in the 90 days before the last 90";
            case ORDERS_PREV_90D -> count(value, "order") + " in the 90 days before the last 90";
            case REVENUE_TREND_90D -> trend(customer);
            case DISTINCT_PRODUCTS -> value == 1 ? "Has bought only one product"
                    : "Has bought " + count(value, "different product");
            case BGNBD_NO_PURCHASE -> Double.isNaN(value) ? "No purchase history to forecast from"
                    : percent(value) + " chance of no purchase in the next " + horizonDays
                    + " days, judging by their buying pattern";
            case BGNBD_EXPECTED_PURCHASES -> Double.isNaN(value) ? "No purchase history to forecast from"
                    : "Expected to buy about " + number(value) + " times in the next " + horizonDays + " days";
            case BGNBD_ALIVE -> Double.isNaN(value) ? "No purchase history to forecast from"
                    : percent(value) + " chance they are still an active buyer, judging by their buying pattern";
            case MONTH -> "The time of year (" + monthName(value) + ") makes lapsing "
                    + (contribution > 0 ? "more" : "less") + " likely";
            // A feature added to the trainer after this text was written still gets a readable line.
            default -> featureName.replace('_', ' ') + " is " + (Double.isNaN(value) ? "unknown" : number(value));
        };
    }

    private static String overdue(double ratio, CustomerFeatures customer) {
        Double recency = customer.getRecencyDays();
        Double gap = customer.getInterPurchaseDaysMean();
        String times = ratio < 1 ? "within" : number(ratio) + " times";
        if (recency == null || gap == null) {
            return "Time since the last purchase is " + times + " their usual gap";
        }
        return days(recency) + " since the last purchase: " + times + " their usual gap of " + days(gap);
    }

    private static String trend(CustomerFeatures customer) {
        String currency = customer.getCurrency();
        long recent = customer.getRevenue90dMinor();
        long before = customer.getRevenuePrev90dMinor();
        String change = recent < before ? "Spending fell" : recent > before ? "Spending rose" : "Spending unchanged";
        return change + ": " + Money.format(recent, currency) + " in the last 90 days against "
                + Money.format(before, currency) + " in the 90 days before";
    }

    private static String window(ChurnFeature feature) {
        return switch (feature) {
            case REVENUE_30D, ORDERS_30D -> "30 days";
            case REVENUE_90D, ORDERS_90D -> "90 days";
            case REVENUE_180D, ORDERS_180D -> "180 days";
            default -> "365 days";
        };
    }

    static String days(double days) {
        long rounded = Math.round(days);
        return rounded == 1 ? "1 day" : rounded + " days";
    }

    private static String duration(double days) {
        if (days >= 365) {
            return number(days / 365.25) + " years";
        }
        if (days >= 60) {
            return Math.round(days / 30.44) + " months";
        }
        return days(days);
    }

    private static String count(double value, String noun) {
        long n = Math.round(value);
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** One decimal, without a trailing ".0" (by hand: {@code String.format} costs more than the whole reason). */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        long tenths = Math.round(Math.abs(value) * 10);
        String whole = (value < 0 && tenths != 0 ? "-" : "") + tenths / 10;
        return tenths % 10 == 0 ? whole : whole + "." + tenths % 10;
    }

    private static String monthName(double month) {
        int m = (int) Math.round(month);
        return m >= 1 && m <= 12 ? Month.of(m).getDisplayName(TextStyle.FULL, Locale.UK) : "month " + m;
    }
}
