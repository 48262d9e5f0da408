package com.complaintflow.triage.model;

import java.time.Instant;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A model's version names when it was trained, and is read back to that minute. */
class ModelVersionTests {

	@Test
	void theTrainingTimeIsReadBackFromTheVersionToTheMinute() {
		String version = ModelVersion.of(ModelVersion.stamp(Instant.parse("2026-12-05T13:26:41Z")), Language.EN, 1500,
				425);

		assertThat(version).isEqualTo("2026-12-05T13:26Z-en-1500+425");
		assertThat(ModelVersion.trainedAt(version)).isEqualTo(Instant.parse("2026-12-05T13:26:00Z"));
		assertThat(ModelVersion.trainedAt("2026-12-04T23:39Z-zh-2001+419"))
			.isEqualTo(Instant.parse("2026-12-04T23:39:00Z"));
	}

	@Test
	void aVersionNotWrittenByTheTrainingCommandHasNoTrainingTime() {
		assertThat(ModelVersion.trainedAt(null)).isNull();
		assertThat(ModelVersion.trainedAt("test-model")).isNull();
		assertThat(ModelVersion.trainedAt("v1")).isNull();
		assertThat(ModelVersion.trainedAt("2026-13-05T13:26Z-en-1+0")).isNull();
	}

}
