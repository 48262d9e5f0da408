package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models in force a retraining keeps the operating points of: read per language, and
 * a file that cannot be read leaves its language to choose anew instead of stopping the
 * training.
 */
class InForceModelsTests {

	private static final Path BUNDLED = Path.of("src/main/resources/rules/models");

	@Test
	void eachLanguagesReadableModelIsInForce(@TempDir Path dir) throws IOException {
		Files.copy(BUNDLED.resolve(ModelFile.fileName(Language.EN)), dir.resolve(ModelFile.fileName(Language.EN)));
		Files.write(dir.resolve(ModelFile.fileName(Language.ZH)), new byte[] { 31, -117, 8, 0, 1, 2, 3 });

		assertThat(TrainCommand.inForce(dir)).containsOnlyKeys(Language.EN);
		assertThat(TrainCommand.inForce(dir).get(Language.EN).classifiers()).containsKey("playbook");
	}

	@Test
	void aDirectoryWithoutModelsHasNoneInForce(@TempDir Path dir) {
		assertThat(TrainCommand.inForce(dir)).isEmpty();
		assertThat(TrainCommand.inForce(dir.resolve("missing"))).isEmpty();
	}

}
