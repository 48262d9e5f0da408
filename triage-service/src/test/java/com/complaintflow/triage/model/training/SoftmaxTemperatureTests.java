package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Calibration: an overconfident model's scores are softened (temperature above 1), an
 * underconfident one's sharpened (below 1), each to the share of right answers at that
 * score; rows without an out-of-fold score are skipped.
 */
class SoftmaxTemperatureTests {

	private static final List<String> CLASSES = List.of("A", "B");

	@Test
	void overconfidentScoresAreSoftened() {
		// score margin 4 where A is right 7 times in 10: p(A) = 0.7 at 4 / T = ln(7 / 3)
		double temperature = temperatureOf(7, 3, new double[] { 4, 0 });

		assertThat(temperature).isCloseTo(4 / Math.log(7.0 / 3), within(0.15 * 4 / Math.log(7.0 / 3)));
	}

	@Test
	void underconfidentScoresAreSharpened() {
		// margin 0.5 where A is right 19 times in 20: p(A) = 0.95 at 0.5 / T = ln(19)
		double temperature = temperatureOf(19, 1, new double[] { 0.5, 0 });

		assertThat(temperature).isCloseTo(0.5 / Math.log(19), within(0.15 * 0.5 / Math.log(19)));
	}

	@Test
	void rowsWithoutAnOutOfFoldScoreAreSkipped() {
		List<ModelTrainer.Doc> docs = docs(7, 3);
		docs.add(doc("unscored", "B"));
		List<Integer> rows = indexes(docs.size());
		double[][] scores = scores(docs.size(), new double[] { 4, 0 });
		scores[docs.size() - 1] = null;

		assertThat(SoftmaxTemperature.minimisingLogLoss("category", CLASSES, docs, rows, scores))
			.isEqualTo(temperatureOf(7, 3, new double[] { 4, 0 }));
	}

	private static double temperatureOf(int rightCount, int wrongCount, double[] score) {
		List<ModelTrainer.Doc> docs = docs(rightCount, wrongCount);
		return SoftmaxTemperature.minimisingLogLoss("category", CLASSES, docs, indexes(docs.size()),
				scores(docs.size(), score));
	}

	/** Texts labelled A ({@code a} of them) and B ({@code b}). */
	private static List<ModelTrainer.Doc> docs(int a, int b) {
		List<ModelTrainer.Doc> docs = new ArrayList<>();
		for (int i = 0; i < a + b; i++) {
			docs.add(doc("row-" + i, (i < a) ? "A" : "B"));
		}
		return docs;
	}

	private static ModelTrainer.Doc doc(String key, String label) {
		LabelledExample example = new LabelledExample("test", key, Language.EN, key, Map.of("category", label),
				Map.of(), true, "test");
		return new ModelTrainer.Doc(example, key,
				new RuleOutcome(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of()));
	}

	private static List<Integer> indexes(int count) {
		List<Integer> rows = new ArrayList<>();
		for (int r = 0; r < count; r++) {
			rows.add(r);
		}
		return rows;
	}

	private static double[][] scores(int count, double[] score) {
		double[][] scores = new double[count][];
		for (int r = 0; r < count; r++) {
			scores[r] = score.clone();
		}
		return scores;
	}

}
