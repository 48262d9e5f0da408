package com.complaintflow.triage.model.training;

import java.util.Map;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores of a field: the wrong fallback to STANDARD_CARE counts over the complaints,
 * since a text that is no complaint at all is labelled STANDARD_CARE and would dilute it.
 */
class ScoringTests {

	@Test
	void theWrongFallbackIsAShareOfTheComplaintsNotOfEveryText() {
		Scoring.FieldScore playbook = new Scoring.FieldScore("playbook");

		playbook.add(text("fault", "NETWORK_FAULT", true), "STANDARD_CARE");
		playbook.add(text("question", "STANDARD_CARE", true), "STANDARD_CARE");
		playbook.add(text("praise", "STANDARD_CARE", false), "STANDARD_CARE");
		playbook.add(text("joke", "STANDARD_CARE", false), "NETWORK_FAULT");

		assertThat(playbook.wrongRate("STANDARD_CARE")).isEqualTo(0.5);
		assertThat(playbook.wrongRate("NETWORK_FAULT")).as("a non-complaint's error is no fallback").isZero();
		assertThat(playbook.accuracy()).isEqualTo(0.5);
	}

	private static LabelledExample text(String key, String playbook, boolean complaint) {
		return new LabelledExample("test", key, Language.EN, key, Map.of("playbook", playbook), Map.of(), complaint,
				"test");
	}

}
