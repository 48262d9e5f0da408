package com.complaintflow.triage.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.RulesReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A field the rules decide states the confidence the rules file gives what decided it: a
 * rule, the best keyword score, the usual value for the category, or the fallback.
 */
class FieldConfidenceTests {

	private static final String PERSONA = "    confidence: {score: 0.65, fallback: 0.45}\n    fallback: RESPECT_SEEKING";

	private static final String NATURE = "    confidence: {score: 0.4, byCategory: 0.2, fallback: 0.1}";

	@Test
	void eachSourceStatesTheConfidenceTheFileGivesIt() throws IOException {
		assertThat(bundledText()).contains(PERSONA).contains(NATURE);
		RuleSet rules = load(bundledText()
			.replace(PERSONA, "    confidence: {score: 0.61, fallback: 0.43}\n    fallback: RESPECT_SEEKING")
			.replace(NATURE, "    confidence: {score: 0.37, byCategory: 0.23, fallback: 0.13}"));

		Explanation noSignal = decide(rules, "hello");
		assertThat(source(noSignal, "persona")).isEqualTo(RulesReason.Source.FALLBACK);
		assertThat(source(noSignal, "nature")).isEqualTo(RulesReason.Source.FALLBACK);
		assertThat(noSignal.confidence()).containsEntry("persona", 0.43).containsEntry("nature", 0.13);
		Explanation network = decide(rules, "No signal.");
		assertThat(source(network, "nature")).isEqualTo(RulesReason.Source.SCORE);
		assertThat(network.confidence()).containsEntry("nature", 0.37);
		Explanation device = decide(rules, "My phone screen is broken.");
		assertThat(source(device, "nature")).isEqualTo(RulesReason.Source.DEFAULT);
		assertThat(device.confidence()).containsEntry("nature", 0.23);
		// a rule states its own
		assertThat(source(device, "playbook")).isEqualTo(RulesReason.Source.RULE);
		assertThat(device.confidence()).containsEntry("playbook", 0.1);
	}

	@Test
	void aFieldWithoutConfidencesStatesTheBuiltInOnes() throws IOException {
		RuleSet rules = load(bundledText().replace(PERSONA, "    fallback: RESPECT_SEEKING")
			.replace(NATURE + "\n", "")
			.replace("    confidence: {score: 0.55, fallback: 0.35}\n", ""));

		assertThat(decide(rules, "hello").confidence()).containsEntry("persona", 0.4)
			.containsEntry("category", 0.4)
			.containsEntry("nature", 0.4);
		assertThat(decide(rules, "My phone screen is broken.").confidence()).containsEntry("nature", 0.6);
		// the score's share of all scores: the network terms alone scored
		assertThat(decide(rules, "No signal.").confidence()).containsEntry("category", 0.95);
	}

	@Test
	void aConfidenceOutsideZeroToOneIsRejectedWithItsPath() throws IOException {
		assertThatExceptionOfType(InvalidRulesException.class)
			.isThrownBy(() -> load(bundledText().replace(PERSONA,
					"    confidence: {score: 1.5, fallback: 0}\n    fallback: RESPECT_SEEKING")))
			.withMessageContaining("decisions.persona.confidence.score: must be in (0, 1]")
			.withMessageContaining("decisions.persona.confidence.fallback: must be in (0, 1]");
	}

	private static Explanation decide(RuleSet rules, String text) {
		return rules.decide(TextAnalyzerTests.complaint(text), TriageContext.NONE).explanation();
	}

	private static RulesReason.Source source(Explanation explanation, String field) {
		List<RulesReason> reasons = explanation.signals()
			.stream()
			.map(RulesReason::parse)
			.filter((reason) -> reason != null && reason.field().equals(field))
			.toList();
		assertThat(reasons).hasSize(1);
		return reasons.get(0).source();
	}

	private static RuleSet load(String text) {
		return RulesLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String bundledText() throws IOException {
		try (InputStream in = FieldConfidenceTests.class.getClassLoader().getResourceAsStream(RulesLoader.BUNDLED)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
