package com.complaintflow.triage.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.complaintflow.events.Language;
import com.complaintflow.triage.config.TriageSettings;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.Advice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A missing or corrupt model file never stops triage: the language is decided by the
 * rules alone and status and metrics say so; a new file is validated before it replaces
 * the model in force, which stays on rejection; decisions do not wait for a reload.
 */
class ModelRegistryTests {

	@TempDir
	Path dir;

	private SimpleMeterRegistry meters;

	private ModelRegistry registry;

	@BeforeEach
	void start() {
		this.meters = new SimpleMeterRegistry();
	}

	@AfterEach
	void stop() {
		if (this.registry != null) {
			this.registry.destroy();
		}
	}

	/**
	 * A registry whose watcher checks the directory only once a minute, for the tests
	 * that reload it themselves: one checking every 50 ms could reload a file between
	 * their write and their own reload and count it twice.
	 */
	private ModelRegistry registry() {
		return registry(Duration.ofMinutes(1));
	}

	private ModelRegistry registry(Duration checkInterval) {
		this.registry = new ModelRegistry(new TriageSettings(null, checkInterval, this.dir.toString(),
				new TriageSettings.Outage(5, Duration.ofMinutes(10), Duration.ofMinutes(60))), this.meters);
		return this.registry;
	}

	/**
	 * Makes a named pipe where {@code file} is; false where {@code mkfifo} is missing.
	 */
	private static boolean namedPipe(Path file) throws InterruptedException {
		try {
			return new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static ModelRegistry.ModelStatus status(ModelRegistry registry, Language language) {
		return registry.status().stream().filter((status) -> status.language() == language).findFirst().orElseThrow();
	}

	@Test
	void withoutModelFilesTheRulesDecideAlone() {
		ModelRegistry registry = registry();

		Map<String, Advice> advice = registry.advise(Scoring.complaint("They billed me twice", Language.EN, "C-1"));

		assertThat(advice).isEmpty();
		assertThat(registry.status()).allSatisfy((status) -> assertThat(status.state()).isEqualTo("absent"));
		assertThat(this.meters.get("triage.model.loaded").tag("language", "EN").gauge().value()).isZero();
		// exported at zero, so the first rejection is an increase an alert sees
		assertThat(this.meters.find("triage.model.reloads").tag("outcome", "rejected").counter()).isNotNull()
			.satisfies((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void aValidFileIsLoadedAndAdvises() throws IOException {
		ModelFile.write(SmallCorpus.model(Language.EN), this.dir.resolve(ModelFile.fileName(Language.EN)));

		ModelRegistry registry = registry();

		assertThat(registry.advise(Scoring.complaint("They billed me twice, refund the charge", Language.EN, "C-1"))
			.get("category")
			.value()).isEqualTo("BILLING");
		assertThat(registry.model(Language.EN).version()).isEqualTo("test-EN");
		assertThat(this.meters.get("triage.model.loaded").tag("language", "EN").gauge().value()).isEqualTo(1);
		assertThat(this.meters.get("triage.model.loaded").tag("language", "ZH").gauge().value()).isZero();
	}

	@Test
	void aCorruptFileIsRejectedAndTheModelInForceStays() throws IOException {
		Path file = this.dir.resolve(ModelFile.fileName(Language.EN));
		ModelFile.write(SmallCorpus.model(Language.EN), file);
		ModelRegistry registry = registry();

		Files.write(file, new byte[] { 31, -117, 8, 0, 1, 2, 3 });
		registry.reload();

		assertThat(registry.model(Language.EN).version()).isEqualTo("test-EN");
		ModelRegistry.ModelStatus status = status(registry, Language.EN);
		assertThat(status.state()).isEqualTo("loaded");
		assertThat(status.rejectedAt()).isNotNull();
		assertThat(status.problem()).contains("unreadable");
		assertThat(this.meters.counter("triage.model.reloads", "outcome", "rejected").count()).isEqualTo(1);
	}

	@Test
	void aModelOfTheWrongLanguageIsRejected() throws IOException {
		ModelFile.write(SmallCorpus.model(Language.ZH), this.dir.resolve(ModelFile.fileName(Language.EN)));

		ModelRegistry registry = registry();

		assertThat(registry.model(Language.EN)).isNull();
		assertThat(status(registry, Language.EN).problem()).contains("expected EN");
	}

	@Test
	void aChangedFileIsPickedUpWithoutARestart() throws IOException {
		ModelRegistry registry = registry(Duration.ofMillis(50));
		assertThat(registry.model(Language.ZH)).isNull();

		ModelFile.write(SmallCorpus.model(Language.ZH), this.dir.resolve(ModelFile.fileName(Language.ZH)));

		await().atMost(Duration.ofSeconds(10)).until(() -> registry.model(Language.ZH) != null);
		assertThat(registry.advise(Scoring.complaint("宽带老是断网，网速很慢", Language.ZH, "C-2")).get("category").value())
			.isEqualTo("NETWORK");
	}

	@Test
	void decisionsGoOnWithTheModelInForceWhileAReloadReadsAFile() throws Exception {
		Path file = this.dir.resolve(ModelFile.fileName(Language.EN));
		ModelFile.write(SmallCorpus.model(Language.EN), file);
		ModelRegistry registry = registry();
		// a file still being written: a named pipe, whose reader waits for its writer
		Files.delete(file);
		assumeTrue(namedPipe(file), "mkfifo");
		// daemons: a thread left waiting on the pipe by a failure does not keep the JVM
		ExecutorService threads = Executors.newFixedThreadPool(3, (task) -> {
			Thread thread = new Thread(task);
			thread.setDaemon(true);
			return thread;
		});
		try {
			CountDownLatch reading = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			Future<?> writer = threads.submit(() -> {
				// opening returns once the reload has opened the file to read it
				try (OutputStream out = Files.newOutputStream(file)) {
					reading.countDown();
					finish.await();
					out.write("not a model".getBytes(StandardCharsets.UTF_8));
				}
				return null;
			});
			Future<List<ModelRegistry.ModelStatus>> reload = threads.submit(registry::reload);
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

			// the reload is reading: a decision does not wait for it
			LanguageModel inForce = threads.submit(() -> registry.model(Language.EN)).get(5, TimeUnit.SECONDS);
			assertThat(inForce.version()).isEqualTo("test-EN");
			assertThat(threads.submit(registry::status).get(5, TimeUnit.SECONDS)).hasSize(Language.values().length);
			assertThat(reload.isDone()).isFalse();

			finish.countDown();
			writer.get(10, TimeUnit.SECONDS);
			assertThat(reload.get(10, TimeUnit.SECONDS)).filteredOn((status) -> status.language() == Language.EN)
				.singleElement()
				.satisfies((status) -> assertThat(status.problem()).contains("unreadable"));
			assertThat(registry.model(Language.EN)).isSameAs(inForce);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
