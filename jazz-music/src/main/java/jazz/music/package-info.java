/** MIDI, music theory, grammar, corpus and the solo pipeline. */
package jazz.music;
