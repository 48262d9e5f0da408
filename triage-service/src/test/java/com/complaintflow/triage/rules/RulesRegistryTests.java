package com.complaintflow.triage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.complaintflow.triage.config.TriageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Rules from a file: validated on load, re-read when the file changes, and a bad file is
 * rejected with clear problems while the rules in force stay.
 */
class RulesRegistryTests {

	private static final String BUNDLED_VERSION = RulesLoader.bundled().version();

	@TempDir
	Path dir;

	private Path file;

	private RulesRegistry registry;

	private SimpleMeterRegistry meters;

	@BeforeEach
	void writeValidFile() throws IOException {
		this.file = this.dir.resolve("triage-rules.yml");
		Files.writeString(this.file, bundledText().replace(BUNDLED_VERSION, "file-1"));
		this.meters = new SimpleMeterRegistry();
		// the tests reload the file themselves: a watcher checking every 50 ms could
		// reload it between their write and their own reload and count it twice
		this.registry = registry(Duration.ofMinutes(1), this.meters);
	}

	@AfterEach
	void stop() {
		this.registry.destroy();
	}

	@Test
	void rulesFileOverridesTheBundledRules() {
		assertThat(this.registry.current().version()).isEqualTo("file-1");
		assertThat(this.registry.status().source()).isEqualTo(this.file.toString());
	}

	@Test
	void changedFileIsPickedUpWithoutARestart() throws IOException {
		SimpleMeterRegistry watchedMeters = new SimpleMeterRegistry();
		RulesRegistry watching = registry(Duration.ofMillis(50), watchedMeters);
		try {
			Files.writeString(this.file, bundledText().replace(BUNDLED_VERSION, "file-2-longer"));

			await().atMost(Duration.ofSeconds(5)).until(() -> watching.current().version().equals("file-2-longer"));
			assertThat(watchedMeters.counter("triage.rules.reloads", "outcome", "accepted").count()).isEqualTo(2);
		}
		finally {
			watching.destroy();
		}
	}

	@Test
	void theRejectedCounterIsExportedAtZeroBeforeAnyRejectionSoTheFirstOneIsAnIncrease() {
		assertThat(this.meters.find("triage.rules.reloads").tag("outcome", "rejected").counter()).isNotNull()
			.satisfies((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void badFileIsRejectedWithItsProblemsAndThePreviousRulesStay() throws IOException {
		Files.writeString(this.file,
				bundledText().replace(BUNDLED_VERSION, "file-bad")
					.replace("then: BILLING_ERROR", "then: BILLING_EROR")
					.replace("allSignals: [own_number, own_number.personal_line]",
							"allSignals: [own_numbr, own_number.personal_line]"));

		RulesRegistry.RulesStatus status = this.registry.reload();

		assertThat(this.registry.current().version()).isEqualTo("file-1");
		assertThat(status.version()).isEqualTo("file-1");
		assertThat(status.rejectedAt()).isNotNull();
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("decisions.playbook.rules[")
			.contains("'BILLING_EROR' is not one of"));
		assertThat(status.problems())
			.anySatisfy((problem) -> assertThat(problem).contains("unknown signal 'own_numbr'"));
		assertThat(this.meters.counter("triage.rules.reloads", "outcome", "rejected").count()).isEqualTo(1);
	}

	@Test
	void unknownKeysAndBrokenYamlAreRejectedWithClearMessages() throws IOException {
		assertThatExceptionOfType(InvalidRulesException.class).isThrownBy(
				() -> load(bundledText().replace("historyWindow: P90D", "historyWindow: P90D\n  histroyWindow: P1D")))
			.withMessageContaining("histroyWindow");
		assertThatExceptionOfType(InvalidRulesException.class).isThrownBy(() -> load("version: [unclosed"))
			.withMessageContaining("not valid YAML");
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(
					() -> load(bundledText().replace("      UNREASONABLE_DEMAND:\n", "      UNREASONABLE_DEMANDS:\n")))
			.withMessageContaining("policy.playbooks.steps.UNREASONABLE_DEMAND: at least one step is required")
			.withMessageContaining("UNREASONABLE_DEMANDS: not a playbook");
	}

	@Test
	void emptyEntriesAreRejectedWithTheirPathNeverACrash() throws IOException {
		String terms = "terms: [no signal, no service,";
		assertThat(bundledText()).contains(terms, "weights: {category: {NETWORK: 3}, nature: {HELP_SEEKING: 2}}");

		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replaceFirst("terms: \\[no signal, no service,",
					"terms: [no signal, ~, no service,")))
			.withMessageContaining("signals[0].terms[1]: empty entry");
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replaceFirst("weights: \\{category: \\{NETWORK: 3}",
					"weights: {category: {NETWORK: }")))
			.withMessageContaining("signals[0].weights.category.NETWORK: empty");

		// a reload of such a file is a rejection: the rules in force stay, and it is
		// counted
		Files.writeString(this.file, bundledText().replace(BUNDLED_VERSION, "file-empty")
			.replaceFirst("terms: \\[no signal, no service,", "terms: [no signal, ~, no service,"));
		RulesRegistry.RulesStatus status = this.registry.reload();
		assertThat(this.registry.current().version()).isEqualTo("file-1");
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("empty entry"));
		assertThat(this.meters.counter("triage.rules.reloads", "outcome", "rejected").count()).isOne();
	}

	@Test
	void aBlankNegationCueFillerOrNonNegationIsRejectedNeverACrashLater() throws IOException {
		String cues = "cues: [not, \"n't\",";
		String fillers = "fillers: [going, to,";
		String notNegations = "notNegations: [\"no choice\",";
		assertThat(bundledText()).contains(cues, fillers, notNegations);

		// these passed the checks: an empty cue cannot be read as a word (the analysis
		// failed on it), a blank one matches everywhere
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replace(cues, "cues: [not, \"\", \"n't\",")
				.replace(fillers, "fillers: [going, \" \", to,")
				.replace(notNegations, "notNegations: [\"\", \"no choice\",")))
			.withMessageContaining("text.negation.cues[1]: blank entry")
			.withMessageContaining("text.negation.fillers[1]: blank entry")
			.withMessageContaining("text.negation.notNegations[0]: blank entry");
	}

	@Test
	void aBadFileAtStartUpLeavesTheBundledRulesInForce() throws IOException {
		Files.writeString(this.file, bundledText().replace(BUNDLED_VERSION, "file-empty")
			.replaceFirst("terms: \\[no signal, no service,", "terms: [no signal, ~, no service,"));

		RulesRegistry started = new RulesRegistry(
				new TriageSettings(this.file.toString(), Duration.ofMinutes(1), null,
						new TriageSettings.Outage(5, Duration.ofMinutes(10), Duration.ofMinutes(60))),
				new SimpleMeterRegistry());
		try {
			assertThat(started.current().version()).isEqualTo(BUNDLED_VERSION);
			assertThat(started.status().rejectedAt()).isNotNull();
		}
		finally {
			started.destroy();
		}
	}

	@Test
	void ruleReferringToAFieldDecidedLaterIsRejected() throws IOException {
		String rule = "        when: {cues: [raisedVoice]}\n        then: ANGER";
		assertThat(bundledText()).contains(rule);
		String text = bundledText().replace(rule,
				"        when: {cues: [raisedVoice], playbook: [NETWORK_FAULT]}\n        then: ANGER");

		assertThatExceptionOfType(InvalidRulesException.class).isThrownBy(() -> load(text))
			.withMessageContaining(
					"decisions.emotion.rules[0] (raised-voice).when.playbook: 'playbook' is not decided yet");
	}

	@Test
	void aConditionsAlternativesAreCheckedLikeTheConditionItself() throws IOException {
		String engineer = "when: {anyOf: [{playbook: [NETWORK_FAULT]}, {category: [NETWORK]}]}";
		assertThat(bundledText()).contains(engineer);

		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replace(engineer,
					"when: {anyOf: [{playbook: [NETWORK_FAULTS]}, {category: [NETWORK]}]}")))
			.withMessageContaining("policy.deadlines.engineerContact.when.anyOf[0].playbook: 'NETWORK_FAULTS' is not");
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replace(engineer, "when: {anyOf: []}")))
			.withMessageContaining("policy.deadlines.engineerContact.when.anyOf: must list at least one condition");
		assertThat(bundledText()).contains("      - id: safety-first\n        when: {");
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replaceFirst("(      - id: safety-first\n        when: \\{)",
					"$1anyOf: [{lastMishandled: true}], ")))
			.withMessageContaining("category rules cannot use history or incidents");
	}

	@Test
	void aWordATermIsNotWithinMustContainTheTerm() throws IOException {
		String words = "notWithin: [网上, 网站,";
		assertThat(bundledText()).contains(words);

		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replace(words, "notWithin: [上线, 网站,")))
			.withMessageContaining("(network.broadband).notWithin: '上线' contains none of the terms");
		assertThat(load(bundledText().replace(words, "notWithin: [網上, 网站,")).version()).isNotBlank();
	}

	private RulesRegistry registry(Duration checkInterval, SimpleMeterRegistry meters) {
		return new RulesRegistry(new TriageSettings(this.file.toString(), checkInterval, null,
				new TriageSettings.Outage(5, Duration.ofMinutes(10), Duration.ofMinutes(60))), meters);
	}

	private static RuleSet load(String text) {
		return RulesLoader.load(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String bundledText() throws IOException {
		try (InputStream in = RulesRegistryTests.class.getClassLoader().getResourceAsStream(RulesLoader.BUNDLED)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
