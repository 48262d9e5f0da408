package com.complaintflow.triage.model.training;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields that learn from the rules' signals, read per language. */
class ModelTrainerTests {

	@Test
	void theSignalFieldsAreReadPerLanguage() {
		assertThat(ModelTrainer.signalFields(Language.EN)).containsExactlyInAnyOrder("persona", "churnRisk", "emotion");
		assertThat(ModelTrainer.signalFields(Language.ZH)).containsExactly("*");
	}

}
