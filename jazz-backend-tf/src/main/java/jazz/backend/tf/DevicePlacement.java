package jazz.backend.tf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where the nodes of one traced run actually executed, read from TensorFlow's own step statistics.
 * This is how {@code tf-gpu} proves that the model's matrix products ran on a GPU instead of trusting
 * the requested placement, which TensorFlow may soften.
 */
final class DevicePlacement {

    private final Map<String, Set<String>> devicesByNode;

    private DevicePlacement(Map<String, Set<String>> devicesByNode) {
        this.devicesByNode = devicesByNode;
    }

    /**
     * @param metadata the metadata of a run made with full tracing
     * @return the placement it shows
     */
    static DevicePlacement of(RunMetadata metadata) {
        Map<String, Set<String>> byNode = new LinkedHashMap<>();
        for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
            for (NodeExecStats node : device.getNodeStatsList()) {
                // GPU stream statistics name a node "name:OpType".
                String name = node.getNodeName();
                int colon = name.indexOf(':');
                String key = colon < 0 ? name : name.substring(0, colon);
                byNode.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(device.getDevice());
            }
        }
        return new DevicePlacement(byNode);
    }

    /**
     * @param node a node name
     * @return the devices the node ran on (empty when it did not run)
     */
    Set<String> devicesOf(String node) {
        return devicesByNode.getOrDefault(node, Set.of());
    }

    /** @return every device that ran a node */
    Set<String> devices() {
        Set<String> all = new TreeSet<>();
        devicesByNode.values().forEach(all::addAll);
        return all;
    }

    /**
     * Checks that nodes ran on a GPU.
     *
     * @param nodes the nodes that must have run on a GPU
     * @param what what was run, for the message
     * @throws IllegalStateException naming the nodes that ran elsewhere and the devices that were used
     */
    void requireGpu(Collection<String> nodes, String what) {
        List<String> elsewhere = new ArrayList<>();
        for (String node : nodes) {
            Set<String> devices = devicesOf(node);
            if (devices.stream().noneMatch(d -> d.contains("GPU"))) {
                elsewhere.add(node + " on " + (devices.isEmpty() ? "no traced device" : String.join(", ", devices)));
            }
        }
        if (!elsewhere.isEmpty()) {
            throw new IllegalStateException("tf-gpu: TensorFlow ran " + elsewhere.size() + " of the " + nodes.size()
                    + " matrix products of the " + what + " outside the GPU (" + String.join("; ", elsewhere.subList(0,
                    Math.min(3, elsewhere.size()))) + "); devices used: " + devices() + ". Refusing to fall back to the"
                    + " CPU silently: check the CUDA runtime and cuDNN libraries, or choose --backend=tf for the CPU");
        }
    }
}
