package mpkernel.isolation;

/** The rights one domain has over another domain's memory. */
public enum Access {
    /** Loads and stores allowed. */
    READ_WRITE,
    /** Loads allowed, stores fault (PKRU write-disable bit). */
    READ_ONLY,
    /** Loads and stores fault (PKRU access-disable and write-disable bits, as the artifact sets both). */
    NONE
}
