package io.churnwatch.serving.customers;

/**
 * Which customers the at-risk ranking considers and how many it returns.
 *
 * @param segment  only customers of this segment (case-insensitive), or null for all
 * @param minValue only customers whose expected value is at least this, in minor units (0: all)
 */
public record AtRiskFilter(int limit, String segment, long minValue) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 20;

    boolean accepts(AtRiskEntry entry) {
        return entry.expectedValueMinor() >= minValue
                && (segment == null || segment.equalsIgnoreCase(entry.segment()));
    }

    /** The query string of the same filter, for the internal endpoint of other instances. */
    String toQuery() {
        StringBuilder query = new StringBuilder("limit=").append(limit).append("&minValue=").append(minValue);
        if (segment != null) {
            query.append("&segment=").append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
