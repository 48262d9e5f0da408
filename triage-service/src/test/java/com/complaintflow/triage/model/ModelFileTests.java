package com.complaintflow.triage.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A model written and read back decides as before (weights kept to 16 bits), one of the
 * scheme without cue windows too; a truncated, altered or foreign file is refused with
 * the reason.
 */
class ModelFileTests {

	@TempDir
	Path dir;

	@Test
	void aModelReadBackGivesTheSameAdvice() throws IOException {
		LanguageModel model = SmallCorpus.model(Language.EN);
		Path file = this.dir.resolve(ModelFile.fileName(Language.EN));

		ModelFile.write(model, file);
		LanguageModel read = ModelFile.read(file);

		String text = "They billed me twice, refund the extra charge";
		assertThat(read.version()).isEqualTo(model.version());
		model.advise(text).forEach((field, advice) -> {
			assertThat(read.advise(text).get(field).value()).isEqualTo(advice.value());
			assertThat(read.advise(text).get(field).probability()).isCloseTo(advice.probability(), within(1e-3));
		});
		Advice category = read.advise(text).get("category");
		assertThat(category.value()).isEqualTo("BILLING");
		assertThat(category.evidence()).isNotEmpty()
			.allSatisfy((gram) -> assertThat(gram.feature()).isNotBlank())
			.allSatisfy((gram) -> assertThat(gram.weight()).isPositive());
	}

	@Test
	void aModelFileOfTheSchemeWithoutCueWindowsIsStillRead() throws IOException {
		LanguageModel trained = SmallCorpus.model(Language.EN);
		LanguageModel old = new LanguageModel(Language.EN, "before-cues", NgramFeatures.EN, trained.vocabulary(),
				trained.classifiers());
		Path file = this.dir.resolve(ModelFile.fileName(Language.EN));

		ModelFile.write(old, file);
		LanguageModel read = ModelFile.read(file);

		String text = "They billed me twice and I will cancel the account";
		assertThat(read.scheme()).isEqualTo(NgramFeatures.EN);
		assertThat(read.features(text).cues()).isEqualTo(read.features(text).ids().length);
		assertThat(read.advise(text).get("category").value()).isEqualTo(old.advise(text).get("category").value());
	}

	@Test
	void aTruncatedFileIsRefused() throws IOException {
		Path file = this.dir.resolve("model.bin.gz");
		ModelFile.write(SmallCorpus.model(Language.ZH), file);
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

		assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(InvalidModelException.class)
			.hasMessageContaining("unreadable");
	}

	@Test
	void anAlteredFileIsRefusedByItsChecksum() throws IOException {
		LanguageModel model = SmallCorpus.model(Language.ZH);
		java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
		ModelFile.write(model, raw);
		// alter one weight inside the compressed stream's content, then recompress
		byte[] content = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw.toByteArray()))
			.readAllBytes();
		content[content.length / 2] ^= 0x40;
		java.io.ByteArrayOutputStream altered = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(altered)) {
			gzip.write(content);
		}
		Path file = this.dir.resolve("altered.bin.gz");
		Files.write(file, altered.toByteArray());

		assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(InvalidModelException.class)
			.hasMessageContaining("checksum");
	}

	@Test
	void aFileThatIsNotAModelIsRefused() throws IOException {
		Path file = this.dir.resolve("junk.bin.gz");
		Files.writeString(file, "not a model at all");

		assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(InvalidModelException.class);
	}

}
