package com.complaintflow.systemtests.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A container's usage from its cgroup v2 files as {@code docker exec ... cat} prints
 * them, unknown where they are missing, and a clear failure where docker itself is
 * missing.
 */
class ContainerUsageTests {

	@Test
	void readsCpuTimeFromCpuStatAndMemoryFromMemoryCurrent() {
		String output = """
				usage_usec 73512345
				user_usec 60000000
				system_usec 13512345
				nr_periods 0
				nr_throttled 0
				throttled_usec 0
				nr_bursts 0
				burst_usec 0
				536870912
				""";

		assertThat(ContainerUsage.parse(output)).isEqualTo(new ProcessUsage(73_512, 512));
	}

	@Test
	void whatTheFilesLackIsUnknown() {
		ProcessUsage usage = ContainerUsage.parse("cat: /sys/fs/cgroup/cpu.stat: No such file or directory\n");

		assertThat(usage).isEqualTo(ProcessUsage.UNKNOWN);
		assertThat(usage.describeSince(new ProcessUsage(0, 0), 1000)).isEqualTo("CPU   n/a of a core, RSS  n/a MB");
	}

	@Test
	void aKnownReadingReadsAsTheEmbeddedStacksDid() {
		assertThat(new ProcessUsage(1_450, 512).describeSince(new ProcessUsage(1_000, 400), 1_000))
			.isEqualTo("CPU    45% of a core, RSS  512 MB");
	}

	@Test
	void withoutDockerTheComposeModeFailsFastSayingWhatItNeeds() {
		Docker missing = new Docker("docker-not-installed-here", Path.of("."), List.of("docker-compose.yml"));

		assertThatIllegalStateException().isThrownBy(missing::require)
			.withMessageContaining(
					"--compose needs Docker with the compose plugin ('docker-not-installed-here compose') and a running engine")
			.withMessageContaining("'docker-not-installed-here' not found on PATH");
		assertThat(ContainerUsage.of(missing, "0123456789ab")).isEqualTo(ProcessUsage.UNKNOWN);
	}

}
