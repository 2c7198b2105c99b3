package ca.pupitre.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM options the launcher gives every app. */
class StackConfigTest {

    @Test
    void theNativeHeapTrimIsOnlyGivenToAJdkThatHasIt() {
        for (String without : new String[] {"17", "17.0.8", "18.0.2", "20.0.2", "21", "21+35"}) {
            assertThat(StackConfig.nativeTrimArgs(Runtime.Version.parse(without))).as(without).isEmpty();
        }
        for (String with : new String[] {"17.0.9", "17.0.15", "21.0.1", "22", "25.0.1"}) {
            assertThat(StackConfig.nativeTrimArgs(Runtime.Version.parse(with))).as(with)
                    .containsExactly("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=60000");
        }
    }

    @Test
    void thisJdkAcceptsTheOptionsTheLauncherGivesIt() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(StackConfig.ownJavaCommand());
        command.addAll(StackConfig.DEFAULT_JVM_ARGS);
        command.addAll(StackConfig.nativeTrimArgs(Runtime.version()));
        command.add("-version");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(output).isZero();
    }
}
