package io.churnwatch.scoring.treatment;

import io.churnwatch.schemas.TreatmentGroup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Puts a share of alerted customers in a control group that the CRM does not contact, so that what the alerts
 * achieve can be measured against customers who got none. The group is a pure function of the customer id (and a
 * salt): SHA-256 of {@code salt:customerId}, its first 64 bits read as a fraction in [0, 1), HOLDOUT below the
 * share. Every instance, every restart and every episode puts a customer in the same group, with no state.
 */
public final class HoldoutAssignment {

    private final double share;
    private final String salt;

    public HoldoutAssignment(double share, String salt) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("holdout share must lie in [0, 1], got " + share);
        }
        this.share = share;
        this.salt = salt;
    }

    public TreatmentGroup groupOf(String customerId) {
        return groupOf(customerId, share);
    }

    /**
     * The group under another share, e.g. one an operator set at runtime. Raising the share only moves customers
     * from TREATMENT to HOLDOUT (and lowering it back), since each customer's position is fixed.
     */
    public TreatmentGroup groupOf(String customerId, double share) {
        return fraction(customerId) < share ? TreatmentGroup.HOLDOUT : TreatmentGroup.TREATMENT;
    }

    /** The customer's position in [0, 1), uniform over customer ids. */
    double fraction(String customerId) {
        byte[] digest = sha256().digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        // The top 53 bits over 2^53: exact in a double, uniform, and never 1.
        return (bits >>> 11) * 0x1p-53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
