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
     * One forward step of the cell for {@code rows} rows: the pre-activation gates {@code z} (i, f, c, o
     * blocks) are replaced by their activations (σ, σ, tanh, σ), and {@code c = f·cPrev + i·g},
     * {@code tanh(c)} and {@code h = o·tanh(c)} are written. Two passes over each row (the gates, then
     * the state), each with the exponential's polynomial written out in the loop: a vector handed to a
     * helper method that C2 declines to inline would be boxed on every call.
     *
     * @param prevOff where the previous cell state's rows start in {@code cell}
     * @param cOff where the new cell state's rows go in {@code cell}
     */
    static void step(float[] z, int zOff, float[] cell, int prevOff, int cOff, float[] tanhCell, int tOff,
                     float[] h, int hOff, int rows, int n) {
        int vectorEnd = n - n % L;
        for (int r = 0; r < rows; r++) {
            int row = zOff + r * 4 * n;
            // σ(x) = 1 / (1 + e^-x) for i, f, o; tanh(x) = 2 / (1 + e^-2x) - 1 for the candidate.
            for (int gate = 0; gate < 4; gate++) {
                float scale = gate == 2 ? -2f : -1f;
                float mul = gate == 2 ? 2f : 1f;
                float add = gate == 2 ? -1f : 0f;
                int start = row + gate * n;
                int j = 0;
                for (; j < vectorEnd; j += L) {
                    FloatVector x = FloatVector.fromArray(S, z, start + j).mul(scale).max(Activation.LOW).min(Activation.HIGH);
                    FloatVector t = x.mul(Activation.LOG2E);
                    FloatVector whole = t.add(Activation.ROUNDER).sub(Activation.ROUNDER);
                    FloatVector u = t.sub(whole).mul(Activation.LN2);
                    FloatVector p = u.mul(1f / 720).add(1f / 120).fma(u, FloatVector.broadcast(S, 1f / 24))
                            .fma(u, FloatVector.broadcast(S, 1f / 6)).fma(u, FloatVector.broadcast(S, 0.5f))
                            .fma(u, FloatVector.broadcast(S, 1f)).fma(u, FloatVector.broadcast(S, 1f));
                    FloatVector e = p.mul(t.add(Activation.ROUNDER + 127).reinterpretAsInts()
                            .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
                    FloatVector.broadcast(S, mul).div(e.add(1f)).add(add).intoArray(z, start + j);
                }
                for (; j < n; j++) {
                    float e = (float) Math.exp(Math.min(Activation.HIGH, Math.max(Activation.LOW, scale * z[start + j])));
                    z[start + j] = mul / (e + 1f) + add;
                }
            }
            int prev = prevOff + r * n;
            int out = cOff + r * n;
            int tc = tOff + r * n;
            int ho = hOff + r * n;
            int j = 0;
            for (; j < vectorEnd; j += L) {
                FloatVector i = FloatVector.fromArray(S, z, row + j);
                FloatVector f = FloatVector.fromArray(S, z, row + n + j);
                FloatVector g = FloatVector.fromArray(S, z, row + 2 * n + j);
                FloatVector c = f.mul(FloatVector.fromArray(S, cell, prev + j)).add(i.mul(g));
                c.intoArray(cell, out + j);
                FloatVector x = c.mul(-2f).max(Activation.LOW).min(Activation.HIGH);
                FloatVector t = x.mul(Activation.LOG2E);
                FloatVector whole = t.add(Activation.ROUNDER).sub(Activation.ROUNDER);
                FloatVector u = t.sub(whole).mul(Activation.LN2);
                FloatVector p = u.mul(1f / 720).add(1f / 120).fma(u, FloatVector.broadcast(S, 1f / 24))
                        .fma(u, FloatVector.broadcast(S, 1f / 6)).fma(u, FloatVector.broadcast(S, 0.5f))
                        .fma(u, FloatVector.broadcast(S, 1f)).fma(u, FloatVector.broadcast(S, 1f));
                FloatVector e = p.mul(t.add(Activation.ROUNDER + 127).reinterpretAsInts()
                        .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
                FloatVector tanh = FloatVector.broadcast(S, 2f).div(e.add(1f)).sub(1f);
                tanh.intoArray(tanhCell, tc + j);
                FloatVector.fromArray(S, z, row + 3 * n + j).mul(tanh).intoArray(h, ho + j);
            }
            for (; j < n; j++) {
                float c = z[row + n + j] * cell[prev + j] + z[row + j] * z[row + 2 * n + j];
                cell[out + j] = c;
                float e = (float) Math.exp(Math.min(Activation.HIGH, Math.max(Activation.LOW, -2f * c)));
                float tanh = 2f / (e + 1f) - 1f;
                tanhCell[tc + j] = tanh;
                h[ho + j] = z[row + 3 * n + j] * tanh;
            }
        }
    }

    /**
     * One step of the backward pass through the cell's element-wise part. Given the gradient reaching
     * {@code h} (from above, {@code dhUp}, plus from the next step, {@code dhNext}) and the gradient
     * reaching {@code c} from the next step ({@code dc}, replaced by the one for the previous step),
     * writes the gradient of the pre-activation gates into {@code dz}.
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
