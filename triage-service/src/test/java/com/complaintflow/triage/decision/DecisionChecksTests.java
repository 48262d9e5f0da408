package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Playbook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff checks are counted under the model the decision names, the rules alone, or a
 * model whose version was not recorded yet.
 */
class DecisionChecksTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DecisionChecks checks = new DecisionChecks(this.meters);

	@Test
	void eachCheckIsCountedUnderTheModelItsDecisionNamesOrNone() {
		String reason = new ModelReason("category", "NETWORK", 0.87, 0, List.of()).signal();
		this.checks.counted(correction("NETWORK", "BILLING", "model"),
				new Explanation("r", List.of(reason), Map.of(), "2026-12-04T23:39Z-en-1500+422"), true);
		this.checks.counted(correction("NETWORK", "NETWORK", "model"), new Explanation("r", List.of(reason), Map.of()),
				true);
		this.checks.counted(correction("NETWORK", "BILLING", "rules"),
				new Explanation("r", List.of("score:category.NETWORK=7.0"), Map.of()), true);

		assertThat(count("corrected", "model", "2026-12-04T23:39Z-en-1500+422")).isEqualTo(1);
		assertThat(count("confirmed", "model", DecisionChecks.UNRECORDED)).isEqualTo(1);
		assertThat(count("corrected", "rules", DecisionChecks.NO_MODEL)).isEqualTo(1);
		assertThat(this.meters.find("triage.decision.checks").counters()).hasSize(3);
	}

	@Test
	void whetherStaffTookTheValueTheConsoleSuggestedWhereTriageWasUnsure() {
		// the model decided category at 42 %, BILLING its next; the rules decided
		// playbook at 40 %, the model reading BILLING_ERROR
		Explanation unsure = new Explanation("r",
				List.of(new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.38),
						List.of())
					.signal(), "rule:playbook.network",
						new ModelAdvice("playbook", "BILLING_ERROR", 0.38, null).signal()),
				Map.of("category", 0.42, "playbook", 0.4), "v1");
		Explanation sure = new Explanation("r",
				List.of(new ModelReason("category", "NETWORK", 0.9, 0, new ModelReason.Next("BILLING", 0.05), List.of())
					.signal()),
				Map.of("category", 0.9), "v1");

		this.checks.counted(correction("NETWORK", "BILLING", "model"), unsure, true);
		this.checks.counted(correction("NETWORK", "PRODUCT", "model"), unsure, true);
		this.checks.counted(correction("NETWORK", "NETWORK", "model"), unsure, true);
		// checked before: the console asks no more, so suggests nothing
		this.checks.counted(correction("NETWORK", "BILLING", "model"), unsure, false);
		// sure of it: nothing suggested
		this.checks.counted(correction("NETWORK", "BILLING", "model"), sure, true);
		this.checks.counted(playbook("NETWORK_FAULT", "BILLING_ERROR"), unsure, true);

		assertThat(suggestions("category", "taken")).isEqualTo(1);
		assertThat(suggestions("category", "not_taken")).isEqualTo(2);
		assertThat(suggestions("category", "none")).isEqualTo(2);
		assertThat(suggestions("playbook", "taken")).isEqualTo(1);
	}

	private double count(String outcome, String decidedBy, String model) {
		return this.meters.get("triage.decision.checks")
			.tags("field", "category", "outcome", outcome, "decided_by", decidedBy, "model", model)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double suggestions(String field, String suggestion) {
		return this.meters.find("triage.decision.checks")
			.tags("field", field, "suggestion", suggestion)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static Correction playbook(String previous, String value) {
		return new Correction("p-" + value, "CMP-1", "CUS-1", Language.EN, "text", "playbook", previous, value, "rules",
				Playbook.NETWORK_FAULT, "agent", "AGENT", Instant.now(), null);
	}

	private static Correction correction(String previous, String value, String decidedBy) {
		return new Correction("c-" + value + decidedBy, "CMP-1", "CUS-1", Language.EN, "text", "category", previous,
				value, decidedBy, Playbook.STANDARD_CARE, "agent", "AGENT", Instant.now(), null);
	}

}
