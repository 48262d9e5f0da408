package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The compose benchmark's credentials: the scrape password from .env as ops/make-env.sh
 * writes it, the printed keys and ops password from a file or the environment, and a
 * message naming what is missing without showing any value.
 */
class BenchCredentialsTests {

	@TempDir
	Path folder;

	@Test
	void readsTheScrapePasswordFromDotEnvAndTheRestFromTheFileTheEnvironmentNames() throws IOException {
		Path dotEnv = write(".env", "# Created by ops/make-env.sh on 2026-11-30T16:00:00Z.",
				"AGENT_PASSWORD_HASH={pbkdf2@SpringSecurity_v5_8}00ff", "PROMETHEUS_SCRAPE_PASSWORD=scrape-secret");
		Path file = write("bench.env", "BENCH_HOTLINE_KEY=hotline-secret", "BENCH_APP_KEY=app-secret",
				"BENCH_OPS_PASSWORD=ops-secret");

		BenchCredentials credentials = BenchCredentials
			.fromCompose(Map.of("BENCH_CREDENTIALS", file.toString(), "BENCH_STORE_KEY", ""), dotEnv);

		assertThat(credentials.channelKeys()).containsExactly("hotline-secret", "app-secret");
		assertThat(credentials.opsPassword()).isEqualTo("ops-secret");
		assertThat(credentials.scrapePassword()).isEqualTo("scrape-secret");
		assertThat(credentials.toString()).doesNotContain("secret");
	}

	@Test
	void theEnvironmentWinsOverTheFiles() throws IOException {
		Path dotEnv = write(".env", "PROMETHEUS_SCRAPE_PASSWORD=from-dot-env");
		Path file = write("bench.env", "BENCH_STORE_KEY=from-file", "BENCH_OPS_PASSWORD=from-file");

		BenchCredentials credentials = BenchCredentials.fromCompose(Map.of("BENCH_CREDENTIALS", file.toString(),
				"BENCH_OPS_PASSWORD", "from-environment", "PROMETHEUS_SCRAPE_PASSWORD", "from-environment"), dotEnv);

		assertThat(credentials.channelKeys()).isEqualTo(List.of("from-file"));
		assertThat(credentials.opsPassword()).isEqualTo("from-environment");
		assertThat(credentials.scrapePassword()).isEqualTo("from-environment");
	}

	@Test
	void namesWhatIsMissingWithoutShowingWhatIsThere() throws IOException {
		Path dotEnv = write(".env", "PROMETHEUS_SCRAPE_PASSWORD=scrape-secret");

		assertThatIllegalStateException()
			.isThrownBy(() -> BenchCredentials.fromCompose(Map.of("BENCH_OPS_PASSWORD", "ops-secret"), dotEnv))
			.withMessageContaining("BENCH_HOTLINE_KEY, BENCH_STORE_KEY, BENCH_APP_KEY")
			.withMessageNotContaining("BENCH_OPS_PASSWORD")
			.withMessageNotContaining("secret");
	}

	@Test
	void theEmbeddedStackUsesTheLocalProfilesDevelopmentCredentials() {
		BenchCredentials local = BenchCredentials.local();

		assertThat(local.channelKeys()).containsExactly("hotline-dev-key", "store-dev-key", "app-dev-key");
		assertThat(local.opsPassword()).isEqualTo("ops-dev");
		assertThat(local.scrapePassword()).isEqualTo("prometheus-dev");
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.write(this.folder.resolve(name), List.of(lines));
	}

}
