package io.churnwatch.producers.onlineretail;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stock codes in Online Retail that are not products a customer chose to buy: money movements and bookkeeping
 * that would distort purchase counts and basket values. Matching ignores case ("M" and "m" both occur).
 *
 * <table>
 *   <caption>Codes skipped</caption>
 *   <tr><td>POST, DOT, C2, C3</td><td>postage, "DOTCOM POSTAGE", carriage</td></tr>
 *   <tr><td>M</td><td>manual price entries</td></tr>
 *   <tr><td>D</td><td>discounts</td></tr>
 *   <tr><td>S</td><td>samples</td></tr>
 *   <tr><td>B</td><td>"Adjust bad debt"</td></tr>
 *   <tr><td>BANK CHARGES, AMAZONFEE, CRUK</td><td>fees and charity commission</td></tr>
 *   <tr><td>PADS</td><td>"PADS TO MATCH ALL CUSHIONS", priced at a tenth of a penny</td></tr>
 *   <tr><td>GIFT, gift_*</td><td>gift vouchers (gift_0001_10 … gift_0001_90)</td></tr>
 *   <tr><td>ADJUST*</td><td>stock adjustments ("Adjustment by john on …")</td></tr>
 *   <tr><td>TEST*</td><td>test products (TEST001, TEST002)</td></tr>
 * </table>
 *
 * <p>Codes such as DCGS0058 or SP1002 look unusual but are real products (party bags, dog collars, an easel)
 * and are kept.
 */
public final class NonProductCodes {

    private static final Set<String> EXACT = Set.of("POST", "DOT", "C2", "C3", "M", "D", "S", "B",
            "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "GIFT");
    private static final List<String> PREFIXES = List.of("GIFT_", "ADJUST", "TEST");

    private NonProductCodes() {
    }

    public static boolean isNonProduct(String stockCode) {
        String code = stockCode.trim().toUpperCase(Locale.ROOT);
        if (EXACT.contains(code)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
