package org.creamlab.data;

/**
 * Where a task puts its gold item: uniformly at random, at a fraction of the record (the gold line or
 * pair index {@code floor(fraction * (n - 1))}), or at a depth in percent of the context (needle and
 * passkey, spec 5.3).
 */
public sealed interface Placement {

    /** A gold item chosen uniformly at random (LongChat-Lines' protocol). */
    static Placement uniform() {
        return new Uniform();
    }

    /** The gold item at {@code fraction} of the record, 0 = first, 1 = last. */
    static Placement position(double fraction) {
        return new Position(fraction);
    }

    /** The gold item at {@code percent} depth of the context, 0 to 100. */
    static Placement depth(double percent) {
        return new Depth(percent);
    }

    /** Uniformly random placement. */
    record Uniform() implements Placement {}

    /** @param fraction in [0, 1] */
    record Position(double fraction) implements Placement {
        public Position {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("setting 'position': " + fraction + " is outside [0, 1]");
            }
        }

        /** The gold index among {@code n} items: {@code floor(fraction * (n - 1))}. */
        public int index(int n) {
            return (int) Math.floor(fraction * (n - 1));
        }
    }

    /** @param percent in [0, 100] */
    record Depth(double percent) implements Placement {
        public Depth {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("setting 'depth': " + percent + " is outside [0, 100]");
            }
        }
    }
}
