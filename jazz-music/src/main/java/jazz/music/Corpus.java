package jazz.music;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import jazz.api.BadInputException;
import jazz.api.TrainingSet;

/**
 * What a model learns from: the grammar tokens of a solo, measure by measure, their vocabulary in a
 * stable (sorted) order, the chords the solo was played over, and seeded training windows.
 */
public final class Corpus {

    /** The resource holding the built-in corpus. */
    static final String BUILT_IN_RESOURCE = "builtin-corpus.txt";

    private final String source;
    private final List<MidiPart> parts;
    private final SelectedParts selection;
    private final List<Measure> measures;
    private final List<List<GrammarToken>> measureTokens;
    private final List<String> tokens;
    private final List<String> vocabulary;
    private final int[] indices;
    private final int chordGroups;
    private final ChordProgression progression;
    /** Token offsets where each segment (a file, or a held-out tail) starts; the last entry is the end. */
    private final int[] segmentStarts;
    /** Measures per segment. */
    private final int[] segmentMeasures;
    /** Which segments are held out of training, for evaluation. */
    private final boolean[] heldOut;

    private Corpus(String source, List<MidiPart> parts, SelectedParts selection, List<Measure> measures,
            int chordGroups) {
        this(source, parts, selection, measures, chordGroups, new int[] {measures.size()}, new boolean[1]);
    }

    /**
     * @param segmentMeasures measures per segment, in order, summing to {@code measures.size()}
     * @param heldOut per segment: held out of training
     */
    private Corpus(String source, List<MidiPart> parts, SelectedParts selection, List<Measure> measures,
            int chordGroups, int[] segmentMeasures, boolean[] heldOut) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.selection = selection;
        this.measures = List.copyOf(measures);
        this.chordGroups = chordGroups;
        List<List<GrammarToken>> perMeasure = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Measure m : measures) {
            List<GrammarToken> encoded = GrammarEncoder.encode(m);
            perMeasure.add(encoded);
            for (GrammarToken t : encoded) {
                all.add(t.toString());
            }
        }
        this.measureTokens = List.copyOf(perMeasure);
        this.tokens = List.copyOf(all);
        this.vocabulary = List.copyOf(new TreeSet<>(all));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i);
        }
        this.indices = new int[all.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = index.get(all.get(i));
        }
        this.progression = progressionOf(measures);
        this.heldOut = heldOut.clone();
        this.segmentMeasures = segmentMeasures.clone();
        this.segmentStarts = new int[segmentMeasures.length + 1];
        int measure = 0;
        for (int s = 0; s < segmentMeasures.length; s++) {
            int tokensInSegment = 0;
            for (int m = 0; m < segmentMeasures[s]; m++) {
                tokensInSegment += perMeasure.get(measure++).size();
            }
            segmentStarts[s + 1] = segmentStarts[s] + tokensInSegment;
        }
    }

    /**
     * Several solos as one corpus: one vocabulary over all of them, each file a segment that training
     * windows never cross.
     *
     * @param source how to name the collection (e.g. the folder)
     * @param corpora the files' corpora, at least one
     * @return the combined corpus
     */
    public static Corpus combine(String source, List<Corpus> corpora) {
        if (corpora.isEmpty()) {
            throw new BadInputException("no usable MIDI file in " + source);
        }
        List<Measure> measures = new ArrayList<>();
        int[] segments = new int[corpora.size()];
        int groups = 0;
        for (int i = 0; i < corpora.size(); i++) {
            measures.addAll(corpora.get(i).measures);
            segments[i] = corpora.get(i).measures.size();
            groups += corpora.get(i).chordGroups;
        }
        return new Corpus(source, List.of(), null, measures, groups, segments, new boolean[segments.length]);
    }

    /**
     * A copy that holds some data out of training: whole files when there are several (a seeded
     * choice of {@code round(ratio · files)}, at least one, never all), else the last
     * {@code ceil(ratio · measures)} measures of the single solo.
     *
     * @param ratio share to hold out, in (0, 1)
     * @param seed seeds the choice of files
     * @return the corpus with held-out segments
     * @throws BadInputException when the ratio is out of range or nothing would be left to train on
     */
    public Corpus withHeldOut(double ratio, long seed) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new BadInputException("--eval-ratio must be between 0 and 1 (exclusive), got " + ratio);
        }
        int files = segmentMeasures.length;
        if (files >= 2) {
            int hold = (int) Math.max(1, Math.min(files - 1, Math.round(ratio * files)));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(seed));
            boolean[] held = new boolean[files];
            for (int i = 0; i < hold; i++) {
                held[order.get(i)] = true;
            }
            return new Corpus(source, parts, selection, measures, chordGroups, segmentMeasures, held);
        }
        int tail = (int) Math.ceil(ratio * measures.size());
        if (tail >= measures.size()) {
            throw new BadInputException("the corpus from " + source + " has " + measures.size()
                    + " measures: too few to hold " + ratio + " of them out");
        }
        return new Corpus(source, parts, selection, measures, chordGroups,
                new int[] {measures.size() - tail, tail}, new boolean[] {false, true});
    }

    /** @return how many files (or parts of one) make up the corpus */
    public int segmentCount() {
        return segmentStarts.length - 1;
    }

    /** @return true when some data is held out of training */
    public boolean hasHeldOut() {
        for (boolean h : heldOut) {
            if (h) {
                return true;
            }
        }
        return false;
    }

    /**
     * The held-out data as a training set, without randomness: each held-out segment cut into
     * consecutive windows of {@code min(windowLength, shortest segment - 1)} tokens, in the notebook's
     * convention.
     *
     * @param windowLength the training window length
     * @return the evaluation set, or null when nothing is held out
     */
    public TrainingSet evaluationSet(int windowLength) {
        int shortest = Integer.MAX_VALUE;
        for (int s = 0; s < heldOut.length; s++) {
            if (heldOut[s]) {
                shortest = Math.min(shortest, segmentStarts[s + 1] - segmentStarts[s]);
            }
        }
        if (shortest == Integer.MAX_VALUE || shortest < 2) {
            return null;
        }
        int length = Math.min(windowLength, shortest - 1);
        List<int[]> windows = new ArrayList<>();
        for (int s = 0; s < heldOut.length; s++) {
            if (!heldOut[s]) {
                continue;
            }
            for (int start = segmentStarts[s]; start + length <= segmentStarts[s + 1]; start += length) {
                windows.add(java.util.Arrays.copyOfRange(indices, start, start + length));
            }
        }
        return TrainingSet.fromWindows(windows.toArray(int[][]::new));
    }

    /**
     * The corpus written for this project: solo lines over blues, ii-V-I and rhythm changes.
     *
     * @return the corpus
     */
    public static Corpus builtIn() {
        try (InputStream in = Corpus.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in corpus resource " + BUILT_IN_RESOURCE + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Measure> measures = CorpusText.parse(text, "built-in corpus");
            return new Corpus("built-in corpus", List.of(), null, measures, measures.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in corpus", e);
        }
    }

    /**
     * The corpus of a solo in a MIDI file.
     *
     * @param file the MIDI file
     * @param selection which parts and which window
     * @return the corpus
     * @throws BadInputException naming the file on bad input or a part that does not exist
     */
    public static Corpus fromMidi(Path file, PartSelection selection) {
        MidiScore score = MidiReader.read(file);
        SelectedParts selected = SelectedParts.resolve(score, selection);
        MeasureExtractor.Extraction extraction = MeasureExtractor.extract(selected);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new Corpus(name + " (" + selection.describe() + ")", score.parts(), selected, extraction.measures(),
                extraction.chordGroups());
    }

    /** @return the distinct tokens, sorted: index i of a model's output is token i */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** @return the whole token sequence */
    public List<String> tokens() {
        return tokens;
    }

    /** @return the token sequence as indices into {@link #vocabulary()} */
    public int[] tokenIndices() {
        return indices.clone();
    }

    /** @return the tokens of each measure */
    public List<List<GrammarToken>> measureTokens() {
        return measureTokens;
    }

    /** @return the measures the tokens came from */
    public List<Measure> measures() {
        return measures;
    }

    /** @return the chords of the solo, one bar per measure */
    public ChordProgression progression() {
        return progression;
    }

    /** @return the number of measures */
    public int measureCount() {
        return measures.size();
    }

    /** @return how many measures of the window held chords (the references drop the last) */
    public int chordGroups() {
        return chordGroups;
    }

    /** @return the MIDI file's parts; empty for the built-in corpus */
    public List<MidiPart> parts() {
        return parts;
    }

    /** @return the resolved part selection, or null for the built-in corpus */
    public SelectedParts selection() {
        return selection;
    }

    /** @return where the corpus came from, e.g. {@code original_metheny.mid (preset metheny)} */
    public String source() {
        return source;
    }

    /** @return how many tokens of each type (C, S, A, X, R) */
    public Map<ToneType, Integer> typeCounts() {
        Map<ToneType, Integer> counts = new EnumMap<>(ToneType.class);
        for (ToneType t : ToneType.values()) {
            counts.put(t, 0);
        }
        measureTokens.forEach(m -> m.forEach(t -> counts.merge(t.type(), 1, Integer::sum)));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Training windows as the notebook draws them: {@code windows} runs of {@code windowLength}
     * consecutive tokens at seeded random starts.
     *
     * @param windows how many windows (the notebook's m = 60)
     * @param windowLength tokens per window (the notebook's Tx = 30)
     * @param seed seeds the starts
     * @return {@code [windows][windowLength]} token indices
     * @throws BadInputException when the corpus has no more than {@code windowLength} tokens
     */
    public int[][] windows(int windows, int windowLength, long seed) {
        if (windows < 1 || windowLength < 1) {
            throw new BadInputException("training needs at least one window of at least one token, got " + windows
                    + " x " + windowLength);
        }
        // Starts are drawn over the training segments as if they were one line, never crossing a
        // segment's end; with one segment this is the notebook's draw exactly.
        long[] startsBefore = new long[heldOut.length + 1];
        for (int s = 0; s < heldOut.length; s++) {
            int length = segmentStarts[s + 1] - segmentStarts[s];
            int usable = heldOut[s] ? 0 : Math.max(0, length - windowLength);
            startsBefore[s + 1] = startsBefore[s] + usable;
        }
        long total = startsBefore[heldOut.length];
        if (total < 1 || total > Integer.MAX_VALUE) {
            throw new BadInputException("the corpus from " + source + " has " + trainingTokenCount()
                    + " tokens to train on; training windows of " + windowLength + " need a solo of at least "
                    + (windowLength + 1) + ": choose a longer window of the piece (--from/--to) or a shorter --window-length");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] out = new int[windows][windowLength];
        for (int i = 0; i < windows; i++) {
            int k = random.nextInt((int) total);
            int s = 0;
            while (startsBefore[s + 1] <= k) {
                s++;
            }
            int start = segmentStarts[s] + (int) (k - startsBefore[s]);
            System.arraycopy(indices, start, out[i], 0, windowLength);
        }
        return out;
    }

    private int trainingTokenCount() {
        int n = 0;
        for (int s = 0; s < heldOut.length; s++) {
            n += heldOut[s] ? 0 : segmentStarts[s + 1] - segmentStarts[s];
        }
        return n;
    }

    /**
     * The training set of the notebook: seeded windows, zero input at step 0, next-token targets.
     *
     * @param windows how many windows (m)
     * @param windowLength tokens per window (Tx)
     * @param seed seeds the window starts
     * @return the training set
     * @throws BadInputException when the corpus is shorter than {@code windowLength + 1} tokens
     */
    public TrainingSet trainingSet(int windows, int windowLength, long seed) {
        return TrainingSet.fromWindows(windows(windows, windowLength, seed));
    }

    /**
     * A one-hot view of windows, for backends that take dense input: {@code X[i][t]} is the one-hot
     * vector of token t of window i, with {@code X[i][0]} all zero as in the notebook.
     *
     * @param windows token indices from {@link #windows}
     * @param vocabularySize the vocabulary size
     * @return {@code [windows][length][vocabularySize]}
     */
    public static float[][][] oneHot(int[][] windows, int vocabularySize) {
        float[][][] x = new float[windows.length][][];
        for (int i = 0; i < windows.length; i++) {
            x[i] = new float[windows[i].length][vocabularySize];
            for (int t = 1; t < windows[i].length; t++) {
                x[i][t][windows[i][t]] = 1;
            }
        }
        return x;
    }

    private static ChordProgression progressionOf(List<Measure> measures) {
        List<List<Chord>> bars = new ArrayList<>();
        for (Measure m : measures) {
            List<Chord> bar = new ArrayList<>();
            for (TimedChord c : m.chords()) {
                Chord named = Chord.parse(c.chord().symbol());
                if (bar.isEmpty() || !bar.get(bar.size() - 1).equals(named)) {
                    bar.add(named);
                }
            }
            bars.add(bar);
        }
        return new ChordProgression(bars);
    }
}
