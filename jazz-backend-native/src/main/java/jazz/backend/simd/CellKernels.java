package jazz.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise parts of one LSTM step for a block of rows, forward and backward. A row of the gate
 * buffer holds four blocks of {@code n} values in Keras's order i, f, c, o; the gates are stored after
 * their activation (σ for i, f, o and tanh for the candidate c).
 */
final class CellKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private CellKernels() {
    }

    /**
     * Applies σ to the i, f, o blocks and tanh to the candidate block of {@code rows} gate rows, in one
     * pass with each lane's function from {@code pattern} ({@link ParameterLayout#gatePattern}): the
     * rows lie next to each other, so one loop over all of them (a call per block of a row, 33 calls
     * of a few vectors each for 16 rows, spent about a third of the time in the calls and loop set-up).
     */
    static void activateGates(float[] gates, int off, int rows, int n, float[] pattern) {
        Activation.squash(gates, off, rows * 4 * n, pattern, 4 * n);
    }

    /**
     * The rest of the step once the gates are activated, for {@code rows} rows of {@code n} units: the
     * cell {@code c = f · cPrev + i · g}, its {@code tanh(c)} (kept for the backward pass) and the output
     * {@code h = o · tanh(c)}, a vector at a time in one pass (three passes, the middle one a call over
     * all the rows, took 3 and 17 % longer in two runs, for 16 rows of 64 units). {@code cell} may be
     * read and written at the same offset.
     */
    static void stateAndOutput(float[] gates, int gOff, float[] cell, int prevOff, int cOff, float[] tanhCell, int tOff,
                               float[] h, int hOff, int rows, int n) {
        int vectorEnd = n - n % L;
        for (int r = 0; r < rows; r++) {
            int row = gOff + r * 4 * n;
            int prev = prevOff + r * n;
            int out = cOff + r * n;
            int tc = tOff + r * n;
            int ho = hOff + r * n;
            int j = 0;
            for (; j < vectorEnd; j += L) {
                FloatVector i = FloatVector.fromArray(S, gates, row + j);
                FloatVector f = FloatVector.fromArray(S, gates, row + n + j);
                FloatVector cand = FloatVector.fromArray(S, gates, row + 2 * n + j);
                FloatVector c = f.mul(FloatVector.fromArray(S, cell, prev + j)).add(i.mul(cand));
                c.intoArray(cell, out + j);
                // tanh(c) = 2 / (1 + 2^(-2·log2(e)·c)) - 1, the arithmetic of Activation's exponential loop
                // (the same bits as Activation.tanh), written out here: see there why not in a helper.
                FloatVector t = c.mul(-2 * Activation.LOG2E);
                FloatVector rounded = t.add(Activation.ROUNDER);
                FloatVector x = t.sub(rounded.sub(Activation.ROUNDER));
                FloatVector p = x.fma(Activation.C6, Activation.C5).fma(x, FloatVector.broadcast(S, Activation.C4))
                        .fma(x, FloatVector.broadcast(S, Activation.C3)).fma(x, FloatVector.broadcast(S, Activation.C2))
                        .fma(x, FloatVector.broadcast(S, (float) Activation.LN2)).fma(x, FloatVector.broadcast(S, 1f));
                FloatVector power = rounded.reinterpretAsInts().max(Activation.ROUNDER_BITS - 126)
                        .min(Activation.ROUNDER_BITS + 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector tanh = FloatVector.broadcast(S, 2f).div(p.mul(power).add(1f)).add(-1f);
                tanh.intoArray(tanhCell, tc + j);
                FloatVector.fromArray(S, gates, row + 3 * n + j).mul(tanh).intoArray(h, ho + j);
            }
            if (j < n) {
                for (int jj = j; jj < n; jj++) {
                    float c = gates[row + n + jj] * cell[prev + jj] + gates[row + jj] * gates[row + 2 * n + jj];
                    cell[out + jj] = c;
                    tanhCell[tc + jj] = c;
                }
                Activation.tanh(tanhCell, tc + j, n - j);
                for (; j < n; j++) {
                    h[ho + j] = gates[row + 3 * n + j] * tanhCell[tc + j];
                }
            }
        }
    }

    /**
     * One step of the backward pass through the cell's element-wise part. Given the gradient reaching
     * {@code h} (from above, {@code dhUp}, plus from the next step, {@code dhNext}) and the gradient
     * reaching {@code c} from the next step ({@code dc}, replaced by the one for the previous step),
     * writes the gradient of the pre-activation gates into {@code dz}, which may be {@code gates} at the
     * same offset (each unit's four gates are read before its four gradients are written).
     */
    static void backward(float[] gates, int gOff, float[] cell, int prevOff, float[] tanhCell, int tOff,
                         float[] dhUp, int upOff, float[] dhNext, float[] dc, float[] dz, int dzOff, int rows, int n) {
        int vectorEnd = n - n % L;
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * 4 * n;
            int cp = prevOff + r * n;
            int tc = tOff + r * n;
            int up = upOff + r * n;
            int st = r * n;
            int dr = dzOff + r * 4 * n;
            int j = 0;
            for (; j < vectorEnd; j += L) {
                FloatVector i = FloatVector.fromArray(S, gates, gr + j);
                FloatVector f = FloatVector.fromArray(S, gates, gr + n + j);
                FloatVector g = FloatVector.fromArray(S, gates, gr + 2 * n + j);
                FloatVector o = FloatVector.fromArray(S, gates, gr + 3 * n + j);
                FloatVector t = FloatVector.fromArray(S, tanhCell, tc + j);
                FloatVector dh = FloatVector.fromArray(S, dhUp, up + j).add(FloatVector.fromArray(S, dhNext, st + j));
                FloatVector dhO = dh.mul(o);
                FloatVector dct = dhO.mul(t.mul(t).neg().add(1f)).add(FloatVector.fromArray(S, dc, st + j));
                dh.mul(t).mul(o.neg().add(1f).mul(o)).intoArray(dz, dr + 3 * n + j);
                dct.mul(g).mul(i.neg().add(1f).mul(i)).intoArray(dz, dr + j);
                dct.mul(i).mul(g.mul(g).neg().add(1f)).intoArray(dz, dr + 2 * n + j);
                dct.mul(FloatVector.fromArray(S, cell, cp + j)).mul(f.neg().add(1f).mul(f)).intoArray(dz, dr + n + j);
                dct.mul(f).intoArray(dc, st + j);
            }
            for (; j < n; j++) {
                float i = gates[gr + j];
                float f = gates[gr + n + j];
                float g = gates[gr + 2 * n + j];
                float o = gates[gr + 3 * n + j];
                float t = tanhCell[tc + j];
                float dh = dhUp[up + j] + dhNext[st + j];
                float dct = dh * o * (1 - t * t) + dc[st + j];
                dz[dr + 3 * n + j] = dh * t * (1 - o) * o;
                dz[dr + j] = dct * g * (1 - i) * i;
                dz[dr + 2 * n + j] = dct * i * (1 - g * g);
                dz[dr + n + j] = dct * cell[cp + j] * (1 - f) * f;
                dc[st + j] = dct * f;
            }
        }
    }
}
