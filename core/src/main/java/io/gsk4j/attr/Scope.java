package io.gsk4j.attr;

/** Which handle kinds accept an attribute ID. */
public enum Scope {
    ENVIRONMENT,
    SESSION,
    /** Set on the environment as a default that sessions copy, or per session as an override. */
    BOTH;

    /** True when a call on a handle of kind {@code k} may use an ID with this scope. */
    public boolean allows(HandleKind k) {
        switch (this) {
            case ENVIRONMENT:
                return k == HandleKind.ENVIRONMENT;
            case SESSION:
                return k == HandleKind.SESSION;
            default:
                return k != null;
        }
    }
}
