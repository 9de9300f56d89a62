package io.churnwatch.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.churnwatch.schemas.OrderEvent;

/**
 * Orders whose churn alerts are known without asking the system, for a release like {@link TestRelease#build(long)}
 * (churn rises with recency past about 90 days, threshold 0.5), the default inactivity re-evaluations (7, 14, 30,
 * 60, 90, 120, 180, 270, 365 days) and the default 30-day alert cool-down:
 * <ul>
 *   <li><b>lapsing</b> customers buy once in the first ten days and never again: re-evaluated ever later, they
 *       cross the threshold by the 180-day re-evaluation at the latest, which alerts once ({@code id:1});</li>
 *   <li><b>returning</b> customers lapse the same way, buy again on day 220–229 (more than 30 days after their
 *       first alert, so the episode ends), then lapse again: a second episode ({@code id:1}, {@code id:2});</li>
 *   <li><b>active</b> customers buy every ten days until the last day, never more than ten days quiet: no alert.
 *       Spread over every partition, they also carry each partition's event time to the end, which is what
 *       fires the inactivity re-evaluations of the others.</li>
 * </ul>
 * The orders are in event-time order, as a live producer would send them.
 */
record LapseScenario(List<OrderEvent> orders, Set<String> expectedAlertIds, Set<String> alertedCustomers,
                     Set<String> activeCustomers) {

    static final Instant START = Instant.parse("2011-01-03T09:00:00Z");
    private static final int RETURN_DAY = 220;
    private static final int ACTIVE_EVERY_DAYS = 10;

    /**
     * @param lastDay how far (days after {@link #START}) the active customers carry event time; it must pass the
     *                last expected re-evaluation: 200 days with lapsing customers only, 500 with returning ones
     */
    static LapseScenario of(String prefix, int lapsing, int returning, int active, int lastDay) {
        if (returning > 0 && lastDay < 500) {
            throw new IllegalArgumentException("returning customers lapse again after day " + RETURN_DAY
                    + " and alert by day ~410: the scenario must run to day 500 at least");
        }
        List<OrderEvent> orders = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        Set<String> alerted = new LinkedHashSet<>();
        Set<String> actives = new LinkedHashSet<>();
        for (int i = 0; i < lapsing; i++) {
            String customer = prefix + "-lapsing-" + i;
            orders.add(purchase(customer, "first", firstDay(i), i));
            expected.add(customer + ":1");
            alerted.add(customer);
        }
        for (int i = 0; i < returning; i++) {
            String customer = prefix + "-returning-" + i;
            orders.add(purchase(customer, "first", firstDay(i), i));
            orders.add(purchase(customer, "return", RETURN_DAY + i % 10, i));
            expected.add(customer + ":1");
            expected.add(customer + ":2");
            alerted.add(customer);
        }
        for (int i = 0; i < active; i++) {
            String customer = prefix + "-active-" + i;
            for (int day = firstDay(i), n = 0; day <= lastDay; day += ACTIVE_EVERY_DAYS, n++) {
                orders.add(purchase(customer, "o" + n, day, i));
            }
            actives.add(customer);
        }
        orders.sort(Comparator.comparing(OrderEvent::getEventTime));
        return new LapseScenario(Collections.unmodifiableList(orders), Collections.unmodifiableSet(expected),
                Collections.unmodifiableSet(alerted), Collections.unmodifiableSet(actives));
    }

    private static int firstDay(int index) {
        return index % 10;
    }

    private static OrderEvent purchase(String customer, String suffix, int day, int index) {
        // Minutes apart within a day, so that no two orders share an event time.
        Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(index % 600));
        return Orders.purchase(customer + "-" + suffix, customer, at.toString(), 1 + index % 3, 1000);
    }
}
