package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jazz.api.CanonicalWeights;
import jazz.api.ModelSpec;
import jazz.api.TrainingSet;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.junit.jupiter.api.Test;

/**
 * The placement check reads where TensorFlow really ran the products. On this CPU build, a graph that
 * asks for the GPU with soft placement runs on the CPU, and the check refuses it: no silent fallback.
 */
class DevicePlacementTest {

    /** A product of a fed matrix and a constant, so the optimiser cannot fold it away. */
    private static Session.Runner product(Ops tf, Session session, TFloat32 fed) {
        Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 2)));
        Operand<TFloat32> y = new LstmOps(tf).matMul(x, tf.constant(new float[][] {{3}, {4}}));
        return session.runner().feed(x, fed).fetch(y);
    }

    private static TFloat32 row() {
        return TensorData.floats(new float[] {1, 2}, Shape.of(1, 2));
    }

    @Test
    void aTracedRunShowsTheProductOnTheCpu() {
        try (Graph graph = new Graph(); Session session = new Session(graph); TFloat32 fed = row()) {
            Session.Runner runner = product(Ops.create(graph), session, fed)
                    .setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
            try (Result result = runner.runAndFetchMetadata()) {
                assertEquals(11f, TensorData.read(result.get(0))[0]);
                DevicePlacement placement = DevicePlacement.of(result.getMetadata().orElseThrow());
                assertEquals(1, placement.products().size(), placement.products().toString());
                String node = placement.products().get(0);
                assertTrue(placement.devicesOf(node).stream().allMatch(d -> d.endsWith("device:CPU:0")),
                        placement.devices().toString());
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> placement.requireGpu("test"));
                assertTrue(e.getMessage().contains(node + " on /job:localhost/replica:0/task:0/device:CPU:0"),
                        e.getMessage());
            }
        }
    }

    @Test
    void theGpuDeviceRefusesAGraphThatSoftPlacementMovedToTheCpu() {
        try (Graph graph = new Graph();
             Session session = new Session(graph, ComputeDevice.GPU.sessionConfig(ThreadSettings.DEFAULT));
             TFloat32 fed = row()) {
            Ops onGpu = ComputeDevice.GPU.place(Ops.create(graph));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ComputeDevice.GPU.runChecked(product(onGpu, session, fed), "probe").close());
            assertTrue(e.getMessage().contains("outside the GPU"), e.getMessage());
            assertTrue(e.getMessage().contains("device:CPU:0"), e.getMessage());
            assertTrue(e.getMessage().contains("--backend=tf"), e.getMessage());
            try (Result onCpu = ComputeDevice.CPU.runChecked(product(onGpu, session, fed), "probe")) {
                assertFalse(onCpu.getMetadata().isPresent(), "the CPU device should not pay for tracing");
            }
        }
    }

    @Test
    void theModelsOwnGraphsShowTheirProductsToTheCheck() {
        ModelSpec spec = new ModelSpec(5, 3, 2);
        RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            WeightVariables weights = new WeightVariables(tf, spec);
            StepGraph step = new StepGraph(tf, weights);
            UnrolledGraph unrolled = new UnrolledGraph(tf, weights, 4);
            try (Session session = new Session(graph)) {
                weights.write(session, CanonicalWeights.initialize(spec, 1));
                List<AutoCloseable> tensors = new ArrayList<>();
                try (Result result = step.runner(session, 2, new float[StepGraph.stateSize(spec)], tensors).setOptions(trace)
                        .runAndFetchMetadata()) {
                    requireProductsOnTheCpuOnly(DevicePlacement.of(result.getMetadata().orElseThrow()), "step");
                }
                int[] tokens = {0, 1, 2, 3, 4, 0, 1, TrainingSet.NONE};
                tensors.add(TensorData.ints(tokens, Shape.of(4, 2)));
                tensors.add(TensorData.floats(new float[] {2}, Shape.scalar()));
                try (Result result = session.runner().feed(unrolled.inputs(), (TInt32) tensors.get(tensors.size() - 2))
                        .feed(unrolled.targets(), (TInt32) tensors.get(tensors.size() - 2))
                        .feed(unrolled.sequences(), (TFloat32) tensors.get(tensors.size() - 1))
                        .fetch(unrolled.loss()).fetch(unrolled.gradients().get(0))
                        .setOptions(trace).runAndFetchMetadata()) {
                    requireProductsOnTheCpuOnly(DevicePlacement.of(result.getMetadata().orElseThrow()), "training");
                }
                Closing.all(tensors);
            }
        }
    }

    private static void requireProductsOnTheCpuOnly(DevicePlacement placement, String what) {
        assertFalse(placement.products().isEmpty(), what + ": no product in the trace");
        for (String node : placement.products()) {
            assertTrue(placement.devicesOf(node).stream().allMatch(d -> d.endsWith("device:CPU:0")), node);
        }
        assertThrows(IllegalStateException.class, () -> placement.requireGpu(what));
    }

    @Test
    void theGpuProbeFailsClearlyWithoutAGpu() {
        IllegalStateException e = assertThrows(IllegalStateException.class, GpuProbe::requireGpu);
        assertTrue(e.getMessage().startsWith("tf-gpu: TensorFlow cannot run on the GPU"), e.getMessage());
    }
}
