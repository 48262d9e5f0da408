package com.complaintflow.triage.model.training;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the hand-written sets: labels by field, and as training examples only the rows
 * whose labels follow from the text alone.
 */
class WrittenSetTests {

	private static final String SET = """
			# a comment
			a1|en|BIL|BE|L|N|V|C|O||You charged me twice for May, please refund one.
			a2|en|NET|UIT|H|A|V|V|U|repeat=2;mishandled|Still no internet after three calls!
			a3|zh|NET|NF|L|N|H|-|U||宽带断了，请派人来修。
			""";

	@Test
	void aRowCarriesItsLabelsByFieldAndItsOptions() throws Exception {
		List<WrittenSet.Row> rows = WrittenSet.read(new BufferedReader(new StringReader(SET)));

		assertThat(rows).extracting(WrittenSet.Row::id).containsExactly("a1", "a2", "a3");
		assertThat(rows.get(0).labels()).containsEntry("category", "BILLING")
			.containsEntry("playbook", "BILLING_ERROR")
			.containsEntry("persona", "COMPENSATION_SEEKING")
			.containsEntry("rootCause", "OPERATOR_SIDE");
		assertThat(rows.get(1).options()).isEqualTo("repeat=2;mishandled");
		assertThat(rows.get(2).language()).isEqualTo(Language.ZH);
		assertThat(rows.get(2).labels()).doesNotContainKey("persona");
	}

	@Test
	void onlyTextOnlyRowsOfTheLanguageBecomeExamples(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("written.psv");
		Files.writeString(file, SET);

		List<LabelledExample> english = WrittenSet.examples(file, Language.EN);

		assertThat(english).extracting(LabelledExample::key).containsExactly("a1");
		assertThat(english.get(0).set()).isEqualTo("written.psv");
		assertThat(english.get(0).label("churnRisk")).isEqualTo("LOW");
		assertThat(WrittenSet.examples(file, Language.ZH)).extracting(LabelledExample::key).containsExactly("a3");
	}

	@Test
	void anUnknownCodeIsAnError() {
		assertThatThrownBy(() -> WrittenSet.read(new BufferedReader(new StringReader("b1|en|XXX|BE|L|N|V|C|O||text"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("category code XXX");
	}

}
