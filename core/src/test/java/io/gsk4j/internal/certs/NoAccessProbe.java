package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.StoreLocations;
import java.nio.file.Path;

/**
 * Run in a child JVM as an unprivileged user by {@link NoAccessTest}: loads each store named
 * on the command line and prints "STATUS &lt;index&gt; &lt;code&gt;" (0 when it loaded).
 * Arguments: the gsk4j home, then store paths. No password is needed: access is checked first.
 */
public final class NoAccessProbe {
    private NoAccessProbe() {
    }

    public static void main(String[] args) {
        StoreLocations locations = StoreLocations.under(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int code;
            try {
                StoreLoader.load(new StoreRequest(args[i], null, null, null, null, locations));
                code = 0;
            } catch (GskException e) {
                code = e.code();
            }
            System.out.println("STATUS " + i + " " + code);
        }
        System.out.flush();
    }
}
