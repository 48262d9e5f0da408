package com.complaintflow.triage.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelReason;
import com.complaintflow.triage.config.TriageSettings;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.Advice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models versioned beside the rules load on a fresh clone, pass validation and advise
 * on every field in both languages, with their n-grams as evidence; churn reads the words
 * around leaving.
 */
class BundledModelsTests {

	@Test
	void bundledModelsLoadAndAdviseInBothLanguages() {
		ModelRegistry registry = bundled();

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

	@Test
	void churnReadsTheWordsAroundLeaving() {
		ModelRegistry registry = bundled();

		assertThat(registry.model(Language.EN).scheme()).isEqualTo(NgramFeatures.EN_CUES);
		assertThat(registry.model(Language.ZH).scheme()).isEqualTo(NgramFeatures.ZH_CUES_2);
		// leaving considered, or if there were a choice: HIGH (LABELLING.md section 5)
		for (String text : List.of("The outages never stop. I'm just thinking about disconnecting my cable service.",
				"If I had any other alternative I would take it, but Comcast is the only provider on my street.")) {
			assertThat(churn(registry, text, Language.EN)).as(text).satisfies(BundledModelsTests::highNearLeaving);
		}
		// not wanting the line any more, in words of the wider Chinese list (不想用, 不会再,
		// 拜拜)
		for (String text : List.of("信号差了三个月，报修五次都没修好，以后不想用你们的号了。", "这个宽带我不会再续费了，到期就拜拜。")) {
			assertThat(churn(registry, text, Language.ZH)).as(text).satisfies(BundledModelsTests::highNearLeaving);
		}
		registry.destroy();
	}

	private static Advice churn(ModelRegistry registry, String text, Language language) {
		ComplaintReceived complaint = Scoring.complaint(text, language, "C-3");
		AtomicReference<Map<String, Advice>> advice = new AtomicReference<>();
		SmallCorpus.RULES.analyze(complaint, (signals) -> {
			advice.set(registry.advise(complaint, signals));
			return advice.get();
		});
		return advice.get().get("churnRisk");
	}

	private static void highNearLeaving(Advice churn) {
		assertThat(churn.value()).isEqualTo("HIGH");
		assertThat(churn.evidence()).anyMatch((evidence) -> evidence.feature().startsWith(ModelReason.NEAR_LEAVING));
	}

	private static ModelRegistry bundled() {
		return new ModelRegistry(
				new TriageSettings(null, Duration.ofSeconds(5), null,
						new TriageSettings.Outage(5, Duration.ofMinutes(10), Duration.ofMinutes(60))),
				new SimpleMeterRegistry());
	}

}
