/**
 * The music half of jazz: MIDI in and out, music theory, the jazz grammar, the corpus, turning
 * tokens back into notes, WAV rendering, and the pipeline that embedding applications call.
 */
module jazz.music {
    requires transitive jazz.api;
    requires transitive java.desktop;

    exports jazz.music;
}
