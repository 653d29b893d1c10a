package jazz.backend.tf;

import java.util.ArrayList;
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
 * the requested placement, which TensorFlow may soften. Products are recognised by their op type
 * (any type containing {@code MatMul}, so fused products count too), not by name, because the graph
 * optimiser may rename or fuse nodes.
 */
final class DevicePlacement {

    private final Map<String, String> opTypes;
    private final Map<String, Set<String>> devices;

    private DevicePlacement(Map<String, String> opTypes, Map<String, Set<String>> devices) {
        this.opTypes = opTypes;
        this.devices = devices;
    }

    /**
     * @param metadata the metadata of a run made with full tracing
     * @return the placement it shows
     */
    static DevicePlacement of(RunMetadata metadata) {
        Map<String, String> opTypes = new LinkedHashMap<>();
        Map<String, Set<String>> devices = new LinkedHashMap<>();
        for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
            for (NodeExecStats node : device.getNodeStatsList()) {
                // GPU stream statistics name a node "name:OpType"; labels read "name = OpType(inputs)".
                String name = node.getNodeName();
                int colon = name.indexOf(':');
                String key = colon < 0 ? name : name.substring(0, colon);
                devices.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(device.getDevice());
                String label = node.getTimelineLabel();
                int equals = label.indexOf(" = ");
                int paren = label.indexOf('(', Math.max(equals, 0));
                if (equals >= 0 && paren > equals) {
                    opTypes.putIfAbsent(key, label.substring(equals + 3, paren));
                } else if (colon >= 0) {
                    opTypes.putIfAbsent(key, name.substring(colon + 1));
                }
            }
        }
        return new DevicePlacement(opTypes, devices);
    }

    /** @return the nodes that ran a matrix product, in trace order */
    List<String> products() {
        List<String> products = new ArrayList<>();
        opTypes.forEach((node, type) -> {
            if (type.contains("MatMul")) {
                products.add(node);
            }
        });
        return products;
    }

    /**
     * @param node a node name
     * @return the devices the node ran on (empty when it did not run)
     */
    Set<String> devicesOf(String node) {
        return devices.getOrDefault(node, Set.of());
    }

    /** @return every device that ran a node */
    Set<String> devices() {
        Set<String> all = new TreeSet<>();
        devices.values().forEach(all::addAll);
        return all;
    }

    /**
     * Checks that the run's matrix products ran on a GPU.
     *
     * @param what what was run, for the message
     * @throws IllegalStateException naming the products that ran elsewhere and the devices used, or
     *     saying that no product was traced at all
     */
    void requireGpu(String what) {
        List<String> products = products();
        if (products.isEmpty()) {
            throw new IllegalStateException("tf-gpu: the trace of the " + what + " shows no matrix product, so its"
                    + " placement cannot be checked; devices used: " + devices());
        }
        List<String> elsewhere = new ArrayList<>();
        for (String node : products) {
            Set<String> on = devicesOf(node);
            if (on.stream().noneMatch(d -> d.contains("GPU"))) {
                elsewhere.add(node + " on " + String.join(", ", on));
            }
        }
        if (!elsewhere.isEmpty()) {
            throw new IllegalStateException("tf-gpu: TensorFlow ran " + elsewhere.size() + " of the " + products.size()
                    + " matrix products of the " + what + " outside the GPU (" + String.join("; ", elsewhere.subList(0,
                    Math.min(3, elsewhere.size()))) + "); devices used: " + devices() + ". Refusing to fall back to the"
                    + " CPU silently: check the CUDA runtime and cuDNN libraries, or choose --backend=tf for the CPU");
        }
    }
}
