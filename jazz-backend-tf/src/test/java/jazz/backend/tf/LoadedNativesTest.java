package jazz.backend.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backends see which build of TensorFlow a process already holds. */
class LoadedNativesTest {

    @TempDir
    Path dir;

    @Test
    void aMappedCpuBuildBlocksTheGpuBuildAndNotItself() throws IOException {
        Path maps = dir.resolve("maps");
        Files.writeString(maps, String.join("\n",
                "7f00-7f10 r-xp 00000000 08:01 1234 /root/.javacpp/cache/tensorflow-core-native-1.1.0-linux-x86_64.jar"
                        + "/org/tensorflow/internal/c_api/linux-x86_64/libtensorflow_cc.so.2",
                "7f20-7f30 r--p 00000000 08:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f40-7f50 rw-p 00000000 00:00 0 [heap]"));
        assertTrue(LoadedNatives.otherBuild(maps, TensorFlowFiles.GPU_PLATFORM).orElseThrow().contains("/linux-x86_64/"));
        assertTrue(LoadedNatives.otherBuild(maps, TensorFlowFiles.CPU_PLATFORM).isEmpty());
        assertTrue(LoadedNatives.otherBuild(dir.resolve("absent"), TensorFlowFiles.CPU_PLATFORM).isEmpty());
    }

    @Test
    void thisProcessHoldsTheCpuBuildOnceTfHasStarted() {
        new TfBackendProvider().create(Map.of()).close();
        Path self = Path.of("/proc/self/maps");
        assertTrue(LoadedNatives.otherBuild(self, TensorFlowFiles.CPU_PLATFORM).isEmpty());
        assertTrue(LoadedNatives.otherBuild(self, TensorFlowFiles.GPU_PLATFORM).isPresent(),
                "the CPU build should be visible in /proc/self/maps");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> LoadedNatives.requireNoOtherBuild("tf-gpu", TensorFlowFiles.GPU_PLATFORM));
        assertEquals(0, e.getMessage().indexOf("tf-gpu cannot start in this process"), e.getMessage());
    }
}
