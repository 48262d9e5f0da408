package com.complaintflow.triage.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.training.LabelledExample;
import com.complaintflow.triage.model.training.ModelTrainer;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.model.training.WrittenEvaluation;
import com.complaintflow.triage.model.training.WrittenSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written sets' evaluation holds each trained-on set out of its own model: what only
 * that set teaches is unknown when it is scored, and known to the model that scores the
 * test set.
 */
class WrittenEvaluationTests {

	private static final String DEVICE = """
			d1|en|DEV|DF|L|N|H|R|C||The handset screen cracked and the handset will not charge.
			d2|en|DEV|DF|L|N|H|R|C||My handset will not charge, the charging port of the handset is broken.
			d3|en|DEV|DF|L|N|H|R|C||Handset screen cracked, handset battery swollen.
			d4|en|DEV|DF|L|N|H|R|C||The handset keeps rebooting and the handset screen is cracked.
			d5|en|DEV|DF|L|N|H|R|C||Handset broken: cracked screen, will not charge.
			d6|en|DEV|DF|L|N|H|R|C||The new handset will not charge and the handset screen flickers.
			""";

	private static final String KNOWN = """
			k1|en|NET|NF|L|N|H|R|O||The internet keeps dropping every evening, no connection.
			k2|en|BIL|BE|L|N|V|C|O||They billed me twice this month, refund the overcharge.
			k3|en|BIL|BE|H|A|V|C|O||Billed twice again, I am cancelling my service and switching to another provider.
			""";

	private static final String TEST = """
			t1|en|DEV|DF|L|N|H|R|C||The handset screen is cracked and the handset will not charge.
			t2|en|DEV|DF|L|N|H|R|C||Handset will not charge, handset screen cracked.
			""";

	@Test
	void eachTrainedOnSetIsScoredByAModelTrainedWithoutIt(@TempDir Path dir) throws Exception {
		Path device = write(dir, "device.psv", DEVICE);
		Path known = write(dir, "known.psv", KNOWN);
		Map<Path, List<LabelledExample>> written = new LinkedHashMap<>();
		written.put(device, WrittenSet.examples(device, Language.EN));
		written.put(known, WrittenSet.examples(known, Language.EN));
		Path test = write(dir, "test.psv", TEST);
		Map<Path, List<LabelledExample>> tests = new LinkedHashMap<>();
		tests.put(test, WrittenSet.examples(test, Language.EN));
		tests.put(write(dir, "empty.psv", ""), List.of());
		WrittenEvaluation evaluation = new WrittenEvaluation(SmallCorpus.RULES,
				new ModelTrainer(new ModelTrainer.Options(10_000, 1, Map.of("*", 4.0), 3, 42)));

		Map<String, Map<String, Map<String, Scoring.FieldScore>>> scores = evaluation.run(Language.EN,
				SmallCorpus.examples(Language.EN), List.of(), written, tests);

		assertThat(scores).containsOnlyKeys("device.psv (held out)", "known.psv (held out)",
				"test.psv (never trained or tuned on)");
		Scoring.FieldScore heldOut = scores.get("device.psv (held out)").get("combined").get("category");
		Scoring.FieldScore tested = scores.get("test.psv (never trained or tuned on)").get("combined").get("category");
		assertThat(heldOut.toString()).endsWith("(n=6)");
		assertThat(tested.toString()).endsWith("(n=2)");
		assertThat(tested.accuracy()).isEqualTo(1.0);
		assertThat(heldOut.accuracy()).isLessThan(tested.accuracy());
		// the hard rules' records, on the sets the rules were tuned on and on the test
		// sets:
		// the customer leaving, right, in the first
		assertThat(evaluation.hardRules()).containsOnlyKeys("written, rules tuned on them",
				"written test sets (never trained or tuned on)");
		assertThat(evaluation.hardRules().get("written, rules tuned on them").rows("tuned"))
			.isEqualTo("| tuned | `churnRisk.says-leaving` | 1 | 1 | 1.00 | 0.75 |\n");
		assertThat(evaluation.hardRules().get("written test sets (never trained or tuned on)").rows("test")).isEmpty();
	}

	private static Path write(Path dir, String name, String rows) throws Exception {
		return Files.writeString(dir.resolve(name), rows);
	}

}
