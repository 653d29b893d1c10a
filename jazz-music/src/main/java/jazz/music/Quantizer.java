package jazz.music;

/**
 * Snaps times to the grammar's grid: the nearest multiple of a quarter of a quarter note or of a
 * third of one, whichever is closer (the quarter grid wins a tie). Times come out in twelfths of a
 * quarter note, so straight and triplet values stay exact integers.
 */
public final class Quantizer {

    /** Grid units per quarter note. */
    public static final int UNITS_PER_QUARTER = 12;

    private Quantizer() {
    }

    /**
     * Quantises a time or a duration.
     *
     * @param quarters a time in quarter notes, 0 or more
     * @return the nearest grid point, in twelfths of a quarter
     */
    public static int quantize(double quarters) {
        long sixteenth = Math.round(quarters * 4);
        long triplet = Math.round(quarters * 3);
        double errorSixteenth = Math.abs(quarters - sixteenth / 4.0);
        double errorTriplet = Math.abs(quarters - triplet / 3.0);
        long units = errorTriplet < errorSixteenth - 1e-12 ? triplet * 4 : sixteenth * 3;
        return (int) Math.min(Integer.MAX_VALUE, units);
    }

    /**
     * Quantises a note length; a length that quantises to zero becomes a sixteenth (0.25).
     *
     * @param quarters the length in quarter notes
     * @return twelfths of a quarter, at least 3
     */
    public static int quantizeDuration(double quarters) {
        int units = quantize(quarters);
        return units == 0 ? 3 : units;
    }

    /**
     * Twelfths back to quarters.
     *
     * @param units twelfths of a quarter
     * @return quarters
     */
    public static double quarters(int units) {
        return units / (double) UNITS_PER_QUARTER;
    }
}
