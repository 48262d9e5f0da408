package com.complaintflow.triage.rules;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules against the hand-labelled evaluation set: fails when accuracy of any
 * field drops below the level reached (run {@code bench/triage-eval.sh} for the full
 * report with confusion matrices and misses).
 */
class TriageEvaluationTests {

	private static final Map<String, Double> FLOORS = Map.of("category", 0.97, "playbook", 0.97, "churnRisk", 0.97,
			"emotion", 0.95, "nature", 0.93, "persona", 0.96, "rootCause", 0.97);

	private static final Map<String, Double> SECOND_SET_FLOORS = Map.of("category", 0.95, "playbook", 0.95, "churnRisk",
			0.97, "emotion", 0.95, "nature", 0.88, "persona", 0.9, "rootCause", 0.92);

	private static final Map<String, Double> THIRD_SET_FLOORS = Map.of("category", 0.88, "playbook", 0.9, "churnRisk",
			0.97, "emotion", 0.83, "nature", 0.77, "persona", 0.9, "rootCause", 0.9);

	/**
	 * The fourth set was never used for tuning: its floors are its result with the rules
	 * in the repository (blind on rules -3: 0.79 category and playbook). Persona: 13 rows
	 * with a cue since the labels follow LABELLING.md's "no cue" (2026-12-02).
	 */
	private static final Map<String, Double> FOURTH_SET_FLOORS = Map.of("category", 0.87, "playbook", 0.87, "churnRisk",
			0.99, "emotion", 0.91, "nature", 0.91, "persona", 0.92, "rootCause", 0.87);

	/**
	 * The fourth set decided as the service decides, rules with the bundled models: it
	 * was never trained on either, so its floors are the result of the models in the
	 * repository (the 07:19Z models, trained with the eighth set, and the 04:47Z ones,
	 * the same but for their version, read one row's nature and one row's persona
	 * differently: 0.917 -> 0.875 and 0.923 -> 0.846).
	 */
	private static final Map<String, Double> FOURTH_SET_WITH_MODELS_FLOORS = Map.of("category", 0.91, "playbook", 0.91,
			"churnRisk", 0.99, "emotion", 0.745, "nature", 0.87, "persona", 0.84, "rootCause", 0.79);

	/**
	 * The fifth set, rules alone: run blind (category 0.58, playbook 0.52), then its
	 * misses shaped rules 2026.12.02-1.
	 */
	private static final Map<String, Double> FIFTH_SET_FLOORS = Map.of("category", 0.63, "playbook", 0.66, "churnRisk",
			0.85, "emotion", 0.63, "nature", 0.58, "persona", 0.67, "rootCause", 0.7);

	/**
	 * The sixth set, never tuned or trained on: rules alone (rules 2026.12.02-3 read one
	 * row's emotion and one row's root cause differently from 2026.12.02-1: 0.818 ->
	 * 0.795 and 0.523 -> 0.500).
	 */
	private static final Map<String, Double> SIXTH_SET_FLOORS = Map.of("category", 0.65, "playbook", 0.59, "churnRisk",
			0.79, "emotion", 0.79, "nature", 0.54, "persona", 0.57, "rootCause", 0.5);

	/**
	 * The seventh set, rules alone: run blind (category 0.62, playbook 0.55), then its
	 * misses shaped rules 2026.12.02-3 (-4 gave back one row, e793: see
	 * docs/triage-accuracy-log.md); 2026.12.07-1 gave back one rootCause row, z755, whose
	 * "reset過個router" now reads as the customer's device.
	 */
	private static final Map<String, Double> SEVENTH_SET_FLOORS = Map.of("category", 0.675, "playbook", 0.78,
			"churnRisk", 0.88, "emotion", 0.65, "nature", 0.69, "persona", 0.81, "rootCause", 0.655);

	/**
	 * The eighth set, rules alone: run blind (category 0.60, playbook 0.56, churn 0.68),
	 * then its misses shaped rules 2026.12.02-5 (2026.12.06-3 decides two more of its
	 * rows right: disasters that cut an area off are EMERGENCY).
	 */
	private static final Map<String, Double> EIGHTH_SET_FLOORS = Map.of("category", 0.615, "playbook", 0.595,
			"churnRisk", 0.76, "emotion", 0.495, "nature", 0.54, "persona", 0.69, "rootCause", 0.7);

	/**
	 * The ninth set, never tuned or trained on (only its totals are read): rules alone
	 * (blind on rules 2026.12.02-4: category 0.64, playbook 0.67, churn 0.79, persona
	 * 0.59); rules 2026.12.07-1, which read Latin terms against Chinese characters, cost
	 * one rootCause row (0.57 -> 0.56).
	 */
	private static final Map<String, Double> NINTH_SET_FLOORS = Map.of("category", 0.635, "playbook", 0.665,
			"churnRisk", 0.805, "emotion", 0.755, "nature", 0.655, "persona", 0.59, "rootCause", 0.555);

	/** The ninth set, never tuned or trained on: rules with the bundled models. */
	private static final Map<String, Double> NINTH_SET_WITH_MODELS_FLOORS = Map.of("category", 0.885, "playbook", 0.895,
			"churnRisk", 0.825, "emotion", 0.695, "nature", 0.805, "persona", 0.83, "rootCause", 0.705);

	/** The sixth set, never tuned or trained on: rules with the bundled models. */
	private static final Map<String, Double> SIXTH_SET_WITH_MODELS_FLOORS = Map.of("category", 0.9, "playbook", 0.88,
			"churnRisk", 0.84, "emotion", 0.79, "nature", 0.81, "persona", 0.86, "rootCause", 0.7);

	/**
	 * The labelling guide's examples, rules alone: run blind on rules 2026.12.06-2
	 * (category 0.67, playbook 0.77), then one of their misses (a flash flood that cut a
	 * village off) shaped 2026.12.06-3.
	 */
	private static final Map<String, Double> GUIDE_SET_FLOORS = Map.of("category", 0.71, "playbook", 0.77, "churnRisk",
			0.96, "emotion", 0.75, "nature", 0.25, "persona", 0.6, "rootCause", 0.16);

	/**
	 * The labelling guide's examples, never trained on: rules with the bundled models
	 * (blind: category 0.81, the rest as now).
	 */
	private static final Map<String, Double> GUIDE_SET_WITH_MODELS_FLOORS = Map.of("category", 0.85, "playbook", 0.77,
			"churnRisk", 0.88, "emotion", 0.75, "nature", 0.75, "persona", 0.6, "rootCause", 0.33);

	private static TriageEvaluation evaluation;

	private static TriageEvaluation second;

	private static TriageEvaluation third;

	private static TriageEvaluation fourth;

	private static TriageEvaluation fourthWithModels;

	private static TriageEvaluation fifth;

	private static TriageEvaluation sixth;

	private static TriageEvaluation sixthWithModels;

	private static TriageEvaluation seventh;

	private static TriageEvaluation eighth;

	private static TriageEvaluation ninth;

	private static TriageEvaluation ninthWithModels;

	private static TriageEvaluation guide;

	private static TriageEvaluation guideWithModels;

	@BeforeAll
	static void evaluate() {
		RuleSet rules = RulesLoader.bundled();
		evaluation = TriageEvaluation.run(rules);
		second = TriageEvaluation.run(rules, EvaluationSet.SECOND);
		third = TriageEvaluation.run(rules, EvaluationSet.THIRD);
		fourth = TriageEvaluation.run(rules, EvaluationSet.FOURTH);
		TriageEvaluation.Advisor models = TriageEvaluation.bundledModels();
		fourthWithModels = TriageEvaluation.run(rules, models, EvaluationSet.FOURTH);
		fifth = TriageEvaluation.run(rules, EvaluationSet.FIFTH);
		sixth = TriageEvaluation.run(rules, EvaluationSet.SIXTH);
		sixthWithModels = TriageEvaluation.run(rules, models, EvaluationSet.SIXTH);
		seventh = TriageEvaluation.run(rules, EvaluationSet.SEVENTH);
		eighth = TriageEvaluation.run(rules, EvaluationSet.EIGHTH);
		ninth = TriageEvaluation.run(rules, EvaluationSet.NINTH);
		ninthWithModels = TriageEvaluation.run(rules, models, EvaluationSet.NINTH);
		guide = TriageEvaluation.run(rules, EvaluationSet.GUIDE);
		guideWithModels = TriageEvaluation.run(rules, models, EvaluationSet.GUIDE);
	}

	@Test
	void setCoversEveryCategoryAndPlaybookAtLeastEightTimesInBothLanguages() {
		List<EvaluationSet.Case> cases = EvaluationSet.load();

		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		assertThat(cases).extracting(EvaluationSet.Case::language).contains(Language.ZH, Language.EN);
		Map<String, Integer> categories = evaluation.support("category");
		Map<String, Integer> playbooks = evaluation.support("playbook");
		for (Category category : Category.values()) {
			assertThat(categories.getOrDefault(category.name(), 0)).as(category.name()).isGreaterThanOrEqualTo(8);
		}
		for (Playbook playbook : Playbook.values()) {
			assertThat(playbooks.getOrDefault(playbook.name(), 0)).as(playbook.name()).isGreaterThanOrEqualTo(8);
		}
	}

	@Test
	void everyFieldStaysAtOrAboveTheAccuracyReached() {
		holds(evaluation, FLOORS, "the tuning set");
		holds(second, SECOND_SET_FLOORS, "the second set");
		holds(third, THIRD_SET_FLOORS, "the third set");
		holds(fourth, FOURTH_SET_FLOORS, "the fourth set");
		holds(fifth, FIFTH_SET_FLOORS, "the fifth set");
		holdsBlind(sixth, SIXTH_SET_FLOORS, "the sixth set");
		holds(seventh, SEVENTH_SET_FLOORS, "the seventh set");
		holds(eighth, EIGHTH_SET_FLOORS, "the eighth set");
		holdsBlind(ninth, NINTH_SET_FLOORS, "the ninth set");
		holds(guide, GUIDE_SET_FLOORS, "the labelling guide's examples");
	}

	@Test
	void rulesWithTheBundledModelsStayAtOrAboveTheirResultOnTheSetsNeverTrainedOn() {
		holds(fourthWithModels, FOURTH_SET_WITH_MODELS_FLOORS, "the fourth set, rules with models");
		holdsBlind(sixthWithModels, SIXTH_SET_WITH_MODELS_FLOORS, "the sixth set, rules with models");
		holdsBlind(ninthWithModels, NINTH_SET_WITH_MODELS_FLOORS, "the ninth set, rules with models");
		holds(guideWithModels, GUIDE_SET_WITH_MODELS_FLOORS, "the labelling guide's examples, rules with models");
	}

	private static void holds(TriageEvaluation result, Map<String, Double> floors, String set) {
		holds(result, floors, set, result.report(true));
	}

	/** A blind test set's floors: a failure shows its totals, never its rows. */
	private static void holdsBlind(TriageEvaluation result, Map<String, Double> floors, String set) {
		holds(result, floors, set, result.totals());
	}

	private static void holds(TriageEvaluation result, Map<String, Double> floors, String set, String report) {
		floors.forEach(
				(field, floor) -> assertThat(result.accuracy(field)).as("%s accuracy on %s%n%s", field, set, report)
					.isGreaterThanOrEqualTo(floor));
	}

}
