package io.gsk4j.internal.validation;

import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Run in a forked JVM: the process's first use of the validation rules comes with the heap
 * full to the last bytes, so that building the rules runs out of memory; then, with the memory
 * back, a chain is validated under each profile. Prints "first: WHAT" (what the first use threw,
 * or "returned") and "then: PROFILE=STATUS ...". Everything else is made before the heap is filled.
 */
public final class LowMemoryRulesMain {
    /** The heap's filling: a chain of arrays, each holding the one before (no list to grow). */
    private static Object[] ballast;

    public static void main(String[] args) {
        TestPki.Ca root = TestPki.rootCa("Low Memory Root", KeyType.EC_P256);
        TestPki.Ca issuing = root.intermediate("Low Memory Issuing", KeyType.EC_P256);
        X509Certificate[] chain = issuing.issueServer("low.example", KeyType.EC_P256, "low.example").chain();
        ChainValidator validator = new ChainValidator(List.of(root.certificate()));
        Date now = new Date();
        ValidationPolicy policy = ValidationPolicy.defaults(Purpose.SERVER);
        List<X509Certificate> below = List.of(chain);
        Set<Purpose> purposes = EnumSet.of(Purpose.SERVER);
        Object first;
        try {
            // loaded and linked, not initialised: the heap runs out in the rules' initialisation
            // itself (a class that fails to load or link is tried again; one whose initialisation
            // failed used to be broken for good)
            java.lang.invoke.MethodHandles.lookup().findStatic(ValidationRules.class, "check", java.lang.invoke.MethodType.methodType(
                    Violation.class, List.class, X509Certificate.class, ValidationPolicy.class, Set.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        fill();
        try {
            ValidationRules.check(below, root.certificate(), policy, purposes);
            first = "returned";
        } catch (Throwable t) {
            first = t;
        }
        ballast = null;
        System.gc();
        StringBuilder then = new StringBuilder("then:");
        for (ValidationPolicy.Profile p : ValidationPolicy.Profile.values()) {
            String status;
            try {
                status = validator.validate(chain, now, policy.withProfile(p)).status().name();
            } catch (Throwable t) {
                status = t.getClass().getName();
                t.printStackTrace();
            }
            then.append(' ').append(p).append('=').append(status);
        }
        if (first instanceof Throwable && System.getProperty("trace") != null) {
            ((Throwable) first).printStackTrace();
        }
        System.out.println("first: " + (first instanceof Throwable ? first.getClass().getName() : first));
        System.out.println(then);
    }

    /** Takes the whole heap, down to the smallest array. */
    private static void fill() {
        for (int slots : new int[] {16 * 1024, 256, 16, 1}) {
            try {
                while (true) {
                    Object[] link = new Object[slots];
                    link[0] = ballast;
                    ballast = link;
                }
            } catch (OutOfMemoryError full) {
                // the next, smaller size
            }
        }
    }
}
