package jazz.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jazz.api.BadInputException;
import jazz.api.SamplingConfig;

class SoloGeneratorTest {

    @TempDir
    Path dir;

    private final Corpus corpus = Corpus.builtIn();
    private final FixedLogitsModel model = new FixedLogitsModel(corpus.vocabulary().size(), 5);
    private final ChordProgression changes = ChordProgression.parse("Dm7 G7 | Cmaj7 | Fm7 Bb7 | Ebmaj7");

    @Test
    void aSeedReproducesTheSoloAndItsMidiBytes() {
        Solo a = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 8, SamplingConfig.temperature(1.0, 42));
        Solo b = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 8, SamplingConfig.temperature(1.0, 42));
        Solo c = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 8, SamplingConfig.temperature(1.0, 43));
        assertEquals(a, b);
        assertArrayEquals(MidiWriter.toMidi(a, 130), MidiWriter.toMidi(b, 130));
        assertNotEquals(a.notes(), c.notes());
        assertEquals(8, a.measures());
        assertTrue(a.noteCount() > 8, "notes " + a.noteCount());
    }

    @Test
    void everyMeasureHoldsFourBeatsAndNotesFollowTheRules() {
        Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 12, SamplingConfig.temperature(1.0, 3));
        List<SoloNote> notes = solo.notes();
        for (int i = 0; i < notes.size(); i++) {
            SoloNote n = notes.get(i);
            int measure = (int) Math.floor(n.onset() / 4);
            assertTrue(n.onset() + n.duration() <= (measure + 1) * 4 + 1e-9, "note crosses its bar line: " + n);
            assertEquals(0, (n.onset() * 4) % 1, 1e-9, "onset off the sixteenth grid: " + n);
            assertTrue(n.duration() >= 0.25 - 1e-9);
            assertTrue(n.pitch() >= 48 && n.pitch() <= 95, "pitch " + n.pitch());
            if (i > 0) {
                assertTrue(n.onset() > notes.get(i - 1).onset(), "two notes at one onset");
                assertNotEquals(n.pitch(), notes.get(i - 1).pitch(), "a repeated pitch was kept");
            }
        }
        assertTrue(notes.get(notes.size() - 1).onset() < 12 * 4);
    }

    @Test
    void fillMeasureTruncatesTheLastTokenAtTheBarLine() {
        List<GrammarToken> vocabulary = List.of(GrammarToken.parse("C,1.500"), GrammarToken.parse("S,1.500,<m3,m-3>"));
        jazz.api.TokenStream stream = new jazz.api.TokenStream(new FixedLogitsModel(2, 1), SamplingConfig.argmax());
        List<GrammarToken> measure = SoloGenerator.fillMeasure(stream, vocabulary);
        assertEquals(List.of(1.5, 1.5, 1.0), measure.stream().map(GrammarToken::duration).toList());
    }

    @Test
    void decodingTreatsApproachAndOtherTonesAsChordTonesAndSnapsDurations() {
        assertEquals(0.25, SoloDecoder.snap(0.083));
        assertEquals(0.25, SoloDecoder.snap(0.333));
        assertEquals(0.75, SoloDecoder.snap(0.667));
        List<GrammarToken> measure = List.of(GrammarToken.parse("C,1.000"), GrammarToken.parse("C,1.000,<m3,m-3>"),
                GrammarToken.parse("R,1.000"), GrammarToken.parse("S,1.000,<P5,P1>"));
        Chord c = Chord.parse("C");
        List<SoloNote> notes = SoloDecoder.decode(measure, List.of(new TimedChord(0, c)), 0, -1,
                new java.util.SplittableRandom(9));
        assertTrue(c.contains(notes.get(0).pitch()) && notes.get(0).pitch() >= 60 && notes.get(0).pitch() < 72);
        assertEquals(2, notes.stream().filter(n -> n.onset() < 2).count());
        assertTrue(c.contains(notes.get(1).pitch()));
        assertTrue(Math.abs(notes.get(1).pitch() - notes.get(0).pitch()) <= 3);
        SoloNote last = notes.get(notes.size() - 1);
        assertEquals(3.0, last.onset());
        assertTrue(Scale.fitting(c).contains(last.pitch()));
    }

    @Test
    void midiRoundTripGivesBackTheSameNotes() throws Exception {
        Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 4, SamplingConfig.temperature(1.0, 11));
        byte[] bytes = MidiWriter.toMidi(solo, 130);
        Path file = dir.resolve("solo.mid");
        AtomicFile.write(file, bytes);
        MidiScore score = MidiReader.read(file);
        assertEquals(1, score.type());
        assertEquals(480, score.resolution());
        assertEquals(List.of("Melody (electric guitar)", "Chords"), score.parts().stream().map(MidiPart::name).toList());
        assertEquals(MidiWriter.GUITAR_PROGRAM, score.parts().get(0).program());
        List<MidiNote> read = score.parts().get(0).notes();
        assertEquals(solo.noteCount(), read.size());
        for (int i = 0; i < read.size(); i++) {
            SoloNote n = solo.notes().get(i);
            assertEquals(n.pitch(), read.get(i).pitch());
            assertEquals(n.onset(), read.get(i).onset(), 1e-9);
            assertEquals(n.duration(), read.get(i).duration(), 1e-9);
        }
        // The chords track plays each bar's voicing: Dm7 then G7 in bar 1.
        MidiPart chords = score.parts().get(1);
        assertEquals(Arrays.toString(Chord.parse("Dm7").voicing()),
                Arrays.toString(chords.notes().stream().filter(n -> n.onset() == 0).mapToInt(MidiNote::pitch).sorted().toArray()));
        javax.sound.midi.Sequence sequence = javax.sound.midi.MidiSystem.getSequence(file.toFile());
        assertEquals(60_000_000 / 130, tempoMicros(sequence));
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void badMeasureCountsAndMismatchedVocabulariesAreBadInput() {
        assertThrows(BadInputException.class,
                () -> SoloGenerator.improvise(model, corpus.vocabulary(), changes, 0, SamplingConfig.argmax()));
        assertThrows(BadInputException.class,
                () -> SoloGenerator.improvise(model, corpus.vocabulary().subList(1, 5), changes, 4, SamplingConfig.argmax()));
    }

    @Test
    void aPrimerOpensTheSoloAndTheModelContinuesFromIt() {
        List<List<String>> primer = GenerationOptions.primerOf(corpus, 3);
        GenerationOptions options = GenerationOptions.DEFAULT.withPrimer(primer);
        SamplingConfig sampling = SamplingConfig.temperature(1.0, 17);
        Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 5, sampling, options);
        assertEquals(8, solo.measures());

        // What the generator promises, rebuilt by hand: the primer decoded over the first bars with the
        // solo's one generator, then measures sampled from a stream that has run over the primer's tokens.
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        jazz.api.TokenStream stream = new jazz.api.TokenStream(model, sampling);
        stream.prime(primer.stream().flatMap(List::stream).mapToInt(corpus.vocabulary()::indexOf).toArray());
        List<GrammarToken> parsed = corpus.vocabulary().stream().map(GrammarToken::parse).toList();
        java.util.List<SoloNote> expected = new java.util.ArrayList<>();
        int last = -1;
        for (int m = 0; m < 8; m++) {
            List<GrammarToken> tokens = m < 3
                    ? SoloGenerator.fitMeasure(corpus.measureTokens().get(m))
                    : SoloGenerator.fillMeasure(stream, parsed);
            List<SoloNote> notes = SoloDecoder.decode(tokens, changes.timedBar(m), 4.0 * m, last, random);
            expected.addAll(notes);
            if (!notes.isEmpty()) {
                last = notes.get(notes.size() - 1).pitch();
            }
        }
        assertEquals(expected, solo.notes());

        // The primer's rhythm is the training solo's: its first measure's note onsets, snapped.
        List<Double> onsets = new java.util.ArrayList<>();
        double at = 0;
        for (GrammarToken t : SoloGenerator.fitMeasure(corpus.measureTokens().get(0))) {
            if (t.type() != ToneType.R) {
                onsets.add(at);
            }
            at += t.duration();
        }
        assertTrue(onsets.containsAll(solo.notes().stream().filter(n -> n.onset() < 4).map(SoloNote::onset).toList()));

        // Without the primer the new measures come out otherwise: the model's state was moved by it.
        Solo unprimed = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 5, sampling);
        assertNotEquals(unprimed.notes().stream().map(SoloNote::duration).toList(),
                solo.notes().stream().filter(n -> n.onset() >= 12).map(SoloNote::duration).toList());
    }

    @Test
    void aPrimerTokenTheModelDoesNotKnowIsFedAsTheNearestItKnows() {
        List<String> vocabulary = List.of("C,1.000", "C,0.500,<M2,m-2>", "S,0.500,<M2,m-2>", "R,1.000");
        List<GrammarToken> parsed = vocabulary.stream().map(GrammarToken::parse).toList();
        assertEquals(1, SoloGenerator.nearest(GrammarToken.parse("C,0.500,<M2,m-2>"), vocabulary, parsed));
        assertEquals(1, SoloGenerator.nearest(GrammarToken.parse("C,0.667,<m3,m-3>"), vocabulary, parsed));
        assertEquals(2, SoloGenerator.nearest(GrammarToken.parse("S,0.250,<P4,M-2>"), vocabulary, parsed));
        assertEquals(3, SoloGenerator.nearest(GrammarToken.parse("R,2.000"), vocabulary, parsed));
        assertThrows(BadInputException.class, () -> SoloGenerator.improvise(model, corpus.vocabulary(), changes, 2,
                SamplingConfig.argmax(), GenerationOptions.DEFAULT.withPrimer(List.of(List.of("Q,1.000")))));
        assertThrows(BadInputException.class, () -> GenerationOptions.primerOf(corpus, corpus.measureCount() + 1));
    }

    @Test
    void theSameSeedAndOptionsGiveByteIdenticalMidiWithEveryControlOn() {
        GenerationOptions options = new GenerationOptions(GenerationOptions.primerOf(corpus, 2),
                new DecoderConstraints(PitchRange.parse("E3-E6"), 7), 3);
        Arrangement arrangement = new Arrangement(CompStyle.CHARLESTON, true, 0.67);
        for (SamplingConfig sampling : List.of(SamplingConfig.temperature(0.8, 5),
                new SamplingConfig(jazz.api.SamplingStrategy.BEAM, 1.0, 5, 0.9, 5))) {
            byte[] a = MidiWriter.toMidi(SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6, sampling, options),
                    130, arrangement);
            byte[] b = MidiWriter.toMidi(SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6, sampling, options),
                    130, arrangement);
            assertArrayEquals(a, b, sampling.strategy().toString());
            byte[] other = MidiWriter.toMidi(SoloGenerator.improvise(model, corpus.vocabulary(), changes, 6,
                    sampling.withSeed(6), options), 130, arrangement);
            assertFalse(Arrays.equals(a, other), sampling.strategy() + ": another seed gave the same bytes");
        }
    }

    @Test
    void theAnalysisReadsTheSameChordsFromBlockAndCharlestonComping() {
        Solo solo = SoloGenerator.improvise(model, corpus.vocabulary(), changes, 8, SamplingConfig.temperature(1.0, 12));
        Path block = dir.resolve("block.mid");
        Path charleston = dir.resolve("charleston.mid");
        AtomicFile.write(block, MidiWriter.toMidi(solo, 130, new Arrangement(CompStyle.BLOCK, false, 0.5)));
        AtomicFile.write(charleston, MidiWriter.toMidi(solo, 130, new Arrangement(CompStyle.CHARLESTON, false, 0.5)));
        SoloAnalysis a = SoloAnalysis.of(block, corpus.tokens());
        SoloAnalysis b = SoloAnalysis.of(charleston, corpus.tokens());
        assertEquals(a.chordToneShare(), b.chordToneShare(), 1e-12);
        assertEquals(a.scaleToneShare(), b.scaleToneShare(), 1e-12);
        assertEquals(8, b.fullMeasures());
    }

    private static int tempoMicros(javax.sound.midi.Sequence sequence) {
        javax.sound.midi.Track conductor = sequence.getTracks()[0];
        for (int i = 0; i < conductor.size(); i++) {
            if (conductor.get(i).getMessage() instanceof javax.sound.midi.MetaMessage m && m.getType() == 0x51) {
                byte[] d = m.getData();
                return (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | (d[2] & 0xFF);
            }
        }
        return -1;
    }
}
