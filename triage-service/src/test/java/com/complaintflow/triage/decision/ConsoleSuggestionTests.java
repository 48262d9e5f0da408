package com.complaintflow.triage.decision;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console suggests the model's other value on the first check of a field triage was
 * unsure of, whichever source decided it, and nothing otherwise.
 */
class ConsoleSuggestionTests {

	// the model decided category at 42 %, BILLING its next; the rules decided playbook
	// at 40 %, the model reading BILLING_ERROR
	private static final Explanation UNSURE = new Explanation("r",
			List.of(new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.38), List.of())
				.signal(), "rule:playbook.network", new ModelAdvice("playbook", "BILLING_ERROR", 0.38, null).signal()),
			Map.of("category", 0.42, "playbook", 0.4), "v1");

	@Test
	void theFirstCheckOfAnUnsureFieldSuggestsTheModelsOtherValue() {
		assertThat(ConsoleSuggestion.of(UNSURE, "category", "NETWORK", true)).isEqualTo("BILLING");
		assertThat(ConsoleSuggestion.of(UNSURE, "playbook", "NETWORK_FAULT", true)).isEqualTo("BILLING_ERROR");
	}

	@Test
	void aLaterCheckOrASureFieldGetsNoSuggestion() {
		Explanation sure = new Explanation("r",
				List.of(new ModelReason("category", "NETWORK", 0.9, 0, new ModelReason.Next("BILLING", 0.05), List.of())
					.signal()),
				Map.of("category", 0.9), "v1");

		assertThat(ConsoleSuggestion.of(UNSURE, "category", "NETWORK", false)).isNull();
		assertThat(ConsoleSuggestion.of(sure, "category", "NETWORK", true)).isNull();
		assertThat(ConsoleSuggestion.of(UNSURE, "persona", "VENTING", true)).isNull();
	}

}
