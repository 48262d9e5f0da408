package com.complaintflow.triage.decision;

import java.util.Map;

import com.complaintflow.events.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each new decision's checked fields are counted by language, source and whether triage
 * was unsure, from zero.
 */
class DecidedFieldsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DecidedFields fields = new DecidedFields(this.meters);

	@Test
	void everySeriesIsExportedAtZeroFromTheStart() {
		// 4 fields x 2 languages x 3 sources x unsure or not, so the first decision is an
		// increase
		assertThat(this.meters.find("triage.decision.fields").counters()).hasSize(48)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void eachCheckedFieldIsCountedUnderItsSourceAndWhetherTriageWasUnsure() {
		this.fields.counted(Language.EN,
				Map.of("category", "model", "persona", "rules", "playbook", "model", "churnRisk", "hard-rule",
						"emotion", "model"),
				Map.of("category", 0.37, "persona", 0.5, "playbook", 0.49, "churnRisk", 0.99, "emotion", 0.1));

		assertThat(count("category", "EN", "model", "true")).isEqualTo(1);
		assertThat(count("persona", "EN", "rules", "false")).isEqualTo(1);
		assertThat(count("playbook", "EN", "model", "true")).isEqualTo(1);
		assertThat(count("churnRisk", "EN", "hard-rule", "false")).isEqualTo(1);
		// the fields staff do not check are not counted; nor the other language
		assertThat(total()).isEqualTo(4);
	}

	@Test
	void aFieldWithoutItsSourceOrConfidenceIsTheRulesAndSure() {
		this.fields.counted(Language.ZH, Map.of(), Map.of());

		assertThat(count("category", "ZH", "rules", "false")).isEqualTo(1);
		assertThat(total()).isEqualTo(4);
	}

	private double count(String field, String language, String decidedBy, String unsure) {
		return this.meters.find("triage.decision.fields")
			.tags("field", field, "language", language, "decided_by", decidedBy, "unsure", unsure)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double total() {
		return this.meters.find("triage.decision.fields").counters().stream().mapToDouble(Counter::count).sum();
	}

}
