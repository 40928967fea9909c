package io.gsk4j.internal.jsse;

import javax.net.ssl.SSLParameters;

/** Copies of the bridge's parameters: SSLParameters is mutable, and every endpoint gets its own. */
final class GskitParameters {
    private GskitParameters() {
    }

    static SSLParameters copy(SSLParameters p) {
        SSLParameters c = new SSLParameters(p.getCipherSuites(), p.getProtocols());
        // setNeedClientAuth and setWantClientAuth each clear the other: the one that is on goes last
        if (p.getNeedClientAuth()) {
            c.setNeedClientAuth(true);
        } else {
            c.setWantClientAuth(p.getWantClientAuth());
        }
        c.setAlgorithmConstraints(p.getAlgorithmConstraints());
        c.setEndpointIdentificationAlgorithm(p.getEndpointIdentificationAlgorithm());
        c.setUseCipherSuitesOrder(p.getUseCipherSuitesOrder());
        if (p.getSNIMatchers() != null) {
            c.setSNIMatchers(p.getSNIMatchers());
        }
        if (p.getServerNames() != null) {
            c.setServerNames(p.getServerNames());
        }
        c.setApplicationProtocols(p.getApplicationProtocols());
        return c;
    }
}
