package org.creamlab.store;

/** Provenance for runs written by the store tests (the database comes from {@link StoreBackend}). */
final class StoreFixtures {

    private StoreFixtures() {}

    static Provenance provenance() {
        return new Provenance("abc123", false, "17", "0.36.0", "2.7.1", "test-host", "cpu()", 1);
    }
}
