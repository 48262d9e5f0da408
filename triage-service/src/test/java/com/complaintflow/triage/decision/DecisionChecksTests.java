package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Playbook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
				new Explanation("r", List.of(reason), Map.of(), "2026-12-04T23:39Z-en-1500+422"));
		this.checks.counted(correction("NETWORK", "NETWORK", "model"), new Explanation("r", List.of(reason), Map.of()));
		this.checks.counted(correction("NETWORK", "BILLING", "rules"),
				new Explanation("r", List.of("score:category.NETWORK=7.0"), Map.of()));

		assertThat(count("corrected", "model", "2026-12-04T23:39Z-en-1500+422")).isEqualTo(1);
		assertThat(count("confirmed", "model", DecisionChecks.UNRECORDED)).isEqualTo(1);
		assertThat(count("corrected", "rules", DecisionChecks.NO_MODEL)).isEqualTo(1);
		assertThat(this.meters.find("triage.decision.checks").counters()).hasSize(3);
	}

	@Test
	void whetherStaffTookTheValueTheConsoleSuggested() {
		Explanation explanation = new Explanation("r", List.of(), Map.of(), "v1");
		this.checks.counted(correction("NETWORK", "BILLING", "model", "BILLING"), explanation);
		this.checks.counted(correction("NETWORK", "PRODUCT", "model", "BILLING"), explanation);
		// a confirmation where the console suggested another value
		this.checks.counted(correction("NETWORK", "NETWORK", "model", "BILLING"), explanation);
		this.checks.counted(correction("NETWORK", "BILLING", "model", null), explanation);
		this.checks.counted(correction("NETWORK", "NETWORK", "model", null), explanation);

		assertThat(suggestions("category", "taken")).isEqualTo(1);
		assertThat(suggestions("category", "not_taken")).isEqualTo(2);
		assertThat(suggestions("category", "none")).isEqualTo(2);
	}

	private double count(String outcome, String decidedBy, String model) {
		return counted(this.meters, "field", "category", "outcome", outcome, "decided_by", decidedBy, "model", model);
	}

	private double suggestions(String field, String suggestion) {
		return counted(this.meters, "field", field, "suggestion", suggestion);
	}

	/** The staff checks counted with the given tags (key, value, ...), summed. */
	static double counted(MeterRegistry meters, String... tags) {
		return meters.find("triage.decision.checks").tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static Correction correction(String previous, String value, String decidedBy) {
		return correction(previous, value, decidedBy, null);
	}

	private static Correction correction(String previous, String value, String decidedBy, String suggested) {
		return new Correction("c-" + value + decidedBy + suggested, "CMP-1", "CUS-1", Language.EN, "text", "category",
				previous, value, decidedBy, Playbook.STANDARD_CARE, "agent", "AGENT", Instant.now(), null, suggested);
	}

}
