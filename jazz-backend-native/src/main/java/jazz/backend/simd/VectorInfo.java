package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;

/** Describes the SIMD shape the Vector API picked on this machine; only touched once the module is present. */
final class VectorInfo {

    private VectorInfo() {
    }

    static String describe() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        return "CPU, " + Runtime.getRuntime().availableProcessors() + " cores, " + bits + "-bit vectors";
    }
}
