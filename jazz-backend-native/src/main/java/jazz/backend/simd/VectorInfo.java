package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;

/** Describes the SIMD shape the Vector API picked on this machine; only touched once the module is present. */
final class VectorInfo {

    private VectorInfo() {
    }

    /** The number of float lanes in the preferred vector. */
    static int lanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    static String describe() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        return "CPU, " + Runtime.getRuntime().availableProcessors() + " cores, " + bits + "-bit vectors";
    }
}
