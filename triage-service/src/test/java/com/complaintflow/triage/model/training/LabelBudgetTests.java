package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a cross-validation fold trains on under a label budget: a seeded share first, then
 * the rows a review would add, least sure first or at random.
 */
class LabelBudgetTests {

	@Test
	void aShareIsTrainedOnFirstAndTheRestIsAllOtherRowsSeeded() {
		List<LabelledExample> rows = rows(10);
		LabelBudget budget = new LabelBudget(0.3, 0, true, "category");

		List<List<LabelledExample>> split = budget.split(rows, 1);

		assertThat(split.get(0)).hasSize(3);
		assertThat(split.get(1)).hasSize(7).doesNotContainAnyElementsOf(split.get(0));
		assertThat(budget.split(rows, 1)).isEqualTo(split);
		assertThat(budget.split(rows, 2)).isNotEqualTo(split);
		assertThat(budget.all()).isFalse();
		assertThat(LabelBudget.ALL.all()).isTrue();
		assertThat(LabelBudget.ALL.split(rows, 1)).as("the whole share: the rows as they are, no rest")
			.containsExactly(rows, List.of());
	}

	@Test
	void aReviewAddsTheLeastSureRowsAndTheRandomChoiceTheFirstOfTheShuffledRest() {
		List<LabelledExample> rest = rows(6);
		Map<LabelledExample, Advice> advice = new LinkedHashMap<>();
		double[] sure = { 0.9, 0.2, 0.7, 0.4, 0.95, 0.3 };
		for (int i = 0; i < rest.size(); i++) {
			advice.put(rest.get(i), new Advice("BILLING", sure[i], 0, List.of()));
		}

		assertThat(new LabelBudget(0.5, 3, true, "category").chooseFrom(rest, advice)).containsExactly(rest.get(1),
				rest.get(5), rest.get(3));
		assertThat(new LabelBudget(0.5, 3, false, "category").chooseFrom(rest, advice)).containsExactly(rest.get(0),
				rest.get(1), rest.get(2));
		assertThat(new LabelBudget(0.5, 10, true, "category").chooseFrom(rest, advice)).hasSize(6);
		assertThat(new HashSet<>(rest)).hasSize(6);
	}

	@Test
	void theDefaultTrainsOnEveryRowAndBadSettingsAreRefused() {
		assertThat(LabelBudget.of("1", "0", "least-sure", "category").all()).isTrue();
		assertThat(LabelBudget.of("0.5", "100", "random", "playbook"))
			.isEqualTo(new LabelBudget(0.5, 100, false, "playbook"));
		for (List<String> bad : List.of(List.of("0", "0", "least-sure", "category"),
				List.of("1.5", "0", "least-sure", "category"), List.of("0.5", "-1", "least-sure", "category"),
				List.of("0.5", "10", "most-sure", "category"), List.of("0.5", "10", "least-sure", "priority"))) {
			assertThatIllegalArgumentException().as(bad.toString())
				.isThrownBy(() -> LabelBudget.of(bad.get(0), bad.get(1), bad.get(2), bad.get(3)));
		}
	}

	private static List<LabelledExample> rows(int n) {
		List<LabelledExample> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(new LabelledExample("test", "k" + i, Language.EN, "text " + i, Map.of("category", "BILLING"),
					Map.of(), true, "test"));
		}
		return rows;
	}

}
