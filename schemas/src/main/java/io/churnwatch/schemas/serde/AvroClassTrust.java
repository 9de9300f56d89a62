package io.churnwatch.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro that the generated contract classes may be loaded by name.
 *
 * <p>Avro 1.12 only loads classes it trusts (by default a few {@code java.lang} types) when it resolves a
 * schema's record name to a class: in {@code SpecificDatumReader}, in builders that fill record-typed defaults,
 * in deep copies. Without this every nested contract (OrderLine, Reason, ...) fails with a
 * {@link SecurityException}. The generated classes call {@link #trustContracts()} from their static
 * initialiser (see {@code src/main/avro-templates/record.vm}), and so do the serdes. Other trust settings
 * (the {@code org.apache.avro.SERIALIZABLE_*} system properties, an earlier global predicate) stay in force.
 */
public final class AvroClassTrust {

    /** The package of the generated classes and everything below it. */
    public static final String CONTRACTS_PACKAGE_PREFIX = "io.churnwatch.schemas.";

    private static volatile boolean installed;

    private AvroClassTrust() {
    }

    /** Adds the contract package to Avro's global trust predicate, once per JVM. */
    public static void trustContracts() {
        if (installed) {
            return;
        }
        synchronized (AvroClassTrust.class) {
            if (!installed) {
                ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
                ClassSecurityPredicate contracts = type -> type.getName().startsWith(CONTRACTS_PACKAGE_PREFIX);
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, contracts));
                installed = true;
            }
        }
    }
}
