package jazz.api;

/**
 * The shape of a token-level LSTM model: a one-hot input of {@code vocabularySize}, {@code layers}
 * stacked LSTM layers of {@code hiddenSize} units each, and a dense softmax over the vocabulary.
 *
 * @param vocabularySize number of distinct tokens (at least 2)
 * @param hiddenSize LSTM units per layer (at least 1)
 * @param layers number of stacked LSTM layers (at least 1)
 */
public record ModelSpec(int vocabularySize, int hiddenSize, int layers) {

    /** Largest accepted vocabulary; bounds every allocation derived from a spec. */
    public static final int MAX_VOCABULARY = 1 << 16;
    /** Largest accepted hidden size. */
    public static final int MAX_HIDDEN = 8192;
    /** Largest accepted number of layers. */
    public static final int MAX_LAYERS = 16;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public ModelSpec {
        if (vocabularySize < 2 || vocabularySize > MAX_VOCABULARY) {
            throw new IllegalArgumentException("vocabulary size must be between 2 and " + MAX_VOCABULARY
                    + ", got " + vocabularySize);
        }
        if (hiddenSize < 1 || hiddenSize > MAX_HIDDEN) {
            throw new IllegalArgumentException("hidden size must be between 1 and " + MAX_HIDDEN + ", got " + hiddenSize);
        }
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new IllegalArgumentException("layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
        }
    }

    /**
     * The notebook's model: one LSTM layer of 64 units.
     *
     * @param vocabularySize number of distinct tokens
     * @return the spec
     */
    public static ModelSpec notebook(int vocabularySize) {
        return new ModelSpec(vocabularySize, 64, 1);
    }

    /**
     * Input width of a layer: the vocabulary for the first, the hidden size for the others.
     *
     * @param layer layer index from 0
     * @return number of inputs of that layer
     */
    public int inputSize(int layer) {
        return layer == 0 ? vocabularySize : hiddenSize;
    }

    /**
     * Trainable parameters: per layer {@code 4·n_a·(n_in + n_a + 1)}, plus {@code n_a·V + V} for the
     * dense layer. V = 90, n_a = 64 gives 45,530.
     *
     * @return the parameter count
     */
    public long parameterCount() {
        long total = 0;
        for (int l = 0; l < layers; l++) {
            total += 4L * hiddenSize * (inputSize(l) + hiddenSize + 1);
        }
        return total + (long) hiddenSize * vocabularySize + vocabularySize;
    }

    /**
     * Written out rather than the record's generated one, whose first call in a JVM builds its method
     * handles (about 40 ms on the development machine, while a backend loads its first model).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ModelSpec m && vocabularySize == m.vocabularySize && hiddenSize == m.hiddenSize
                && layers == m.layers;
    }

    @Override
    public int hashCode() {
        return (vocabularySize * 31 + hiddenSize) * 31 + layers;
    }
}
