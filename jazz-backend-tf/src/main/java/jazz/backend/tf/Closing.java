package jazz.backend.tf;

import java.util.List;

/** Closes native resources (tensors) whose Java owner is done with them. */
final class Closing {

    private Closing() {
    }

    /**
     * Closes everything, even when one close fails; the first failure is thrown at the end.
     *
     * @param resources what to close
     */
    static void all(List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not release a TensorFlow tensor", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
