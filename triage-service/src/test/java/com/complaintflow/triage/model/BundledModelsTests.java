package com.complaintflow.triage.model;

import java.time.Duration;

import com.complaintflow.events.Language;
import com.complaintflow.triage.config.TriageSettings;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.Advice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models versioned beside the rules load on a fresh clone, pass validation and advise
 * on every field in both languages, with their n-grams as evidence.
 */
class BundledModelsTests {

	@Test
	void bundledModelsLoadAndAdviseInBothLanguages() {
		ModelRegistry registry = new ModelRegistry(
				new TriageSettings(null, Duration.ofSeconds(5), null,
						new TriageSettings.Outage(5, Duration.ofMinutes(10), Duration.ofMinutes(60))),
				new SimpleMeterRegistry());

		assertThat(registry.status()).allSatisfy((status) -> {
			assertThat(status.state()).as(status.toString()).isEqualTo("loaded");
			assertThat(status.loadMillis()).isLessThan(2000);
		});
		Advice billing = registry
			.advise(Scoring.complaint("I was charged twice on my bill this month, please refund the extra charge",
					Language.EN, "C-1"))
			.get("category");
		Advice network = registry.advise(Scoring.complaint("家里宽带三天没网了，一直断网，报修也没人来", Language.ZH, "C-2"))
			.get("category");
		assertThat(billing.value()).isEqualTo("BILLING");
		assertThat(network.value()).isEqualTo("NETWORK");
		assertThat(billing.evidence()).isNotEmpty();
		assertThat(registry.model(Language.EN).fields()).containsExactlyInAnyOrder("category", "emotion", "rootCause",
				"churnRisk", "nature", "persona", "playbook");
		registry.destroy();
	}

}
