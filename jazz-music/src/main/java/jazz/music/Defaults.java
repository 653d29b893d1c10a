package jazz.music;

/** The notebook's fixed choices, in one place. */
public final class Defaults {

    /** Output tempo in beats per minute. */
    public static final int TEMPO_BPM = 130;
    /** Output resolution: ticks per quarter note. */
    public static final int PPQ = 480;
    /** Quarters per measure (4/4). */
    public static final int BEATS_PER_MEASURE = 4;

    private Defaults() {
    }
}
