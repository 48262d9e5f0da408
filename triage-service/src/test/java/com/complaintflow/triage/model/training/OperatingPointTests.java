package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.FieldClassifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The operating point chosen on out-of-fold scores: STANDARD_CARE is pushed down only as
 * far as the wrong-fallback limit needs, churn HIGH raised where that buys recall, the
 * playbook scored as the model decides it with the category, and the limit is read per
 * language.
 */
class OperatingPointTests {

	/**
	 * Twelve complaints: four sure STANDARD_CARE, four sure NETWORK_FAULT, three
	 * STANDARD_CARE the model leans to only slightly, and one network fault it calls
	 * STANDARD_CARE slightly (a wrong fallback of 1 in 12, 8.3 %). Righting that one
	 * costs the three slight STANDARD_CARE rows.
	 */
	private static Rows playbooks() {
		return new Rows("playbook", List.of("NETWORK_FAULT", "STANDARD_CARE"), "STANDARD_CARE")
			.add(4, "STANDARD_CARE", 0, 2)
			.add(4, "NETWORK_FAULT", 2, 0)
			.add(3, "STANDARD_CARE", 0, 0.25)
			.add(1, "NETWORK_FAULT", 0, 0.5);
	}

	@Test
	void withinTheLimitTheMostAccurateOffsetIsKept() {
		OperatingPoint point = playbooks().choose(0.10);

		// 8.3 % is within 10 %: STANDARD_CARE keeps its three slight rows
		assertThat(point.offsets()[1]).isGreaterThan(-0.25f).isLessThan(2f);
		assertThat(point.threshold()).isZero();
		assertThat(point.shortfall()).isZero();
	}

	@Test
	void overTheLimitStandardCareIsPushedDownUntilTheWrongFallbackFits() {
		OperatingPoint point = playbooks().choose(0.05);

		// the network fault is righted, the sure STANDARD_CARE rows are not lost
		assertThat(point.offsets()[1]).isLessThanOrEqualTo(-0.5f).isGreaterThan(-2f);
		assertThat(point.offsets()[0]).isZero();
		assertThat(point.shortfall()).isZero();
	}

	@Test
	void churnHighIsRaisedWhereThatBuysRecall() {
		// two sure HIGH, six sure LOW, and one HIGH and one LOW the model scores alike,
		// slightly LOW: raising HIGH past them trades one right decision for another, so
		// only the recall it buys (2 of 3 -> 3 of 3) makes it worth it
		Rows churn = new Rows("churnRisk", List.of("HIGH", "LOW"), "LOW").add(2, "HIGH", 2, 0)
			.add(6, "LOW", 0, 2)
			.add(1, "HIGH", 0, 0.3)
			.add(1, "LOW", 0, 0.3);

		OperatingPoint point = churn.choose(0.05);

		// raised past the two alike (0.3), short of calling the sure LOW rows HIGH (2)
		assertThat(point.offsets()[0]).isGreaterThan(0.3f).isLessThan(2f);
		assertThat(point.offsets()[1]).isZero();
		// nine rows of ten right, plus the weight (0.5) of a full HIGH recall
		assertThat(point.objective()).isCloseTo(1.4, within(1e-9));
	}

	@Test
	void givenTheCategoryThePlaybookIsScoredAsTheModelDecidesThePairThatFits() {
		// four STANDARD_CARE complaints the playbook model leans to NETWORK_FAULT for
		Rows rows = new Rows("playbook", List.of("NETWORK_FAULT", "STANDARD_CARE"), "STANDARD_CARE").add(4,
				"STANDARD_CARE", 0.5, 0);
		double[] attitude = { Math.log(0.1), Math.log(0.9) };
		double[] network = { Math.log(0.9), Math.log(0.1) };

		assertThat(rows.at(0, new float[2]).objective()).isZero();
		// the category sure of SERVICE_ATTITUDE: NETWORK_FAULT does not fit it
		assertThat(rows.at(0, new float[2], categories(attitude, attitude, attitude, attitude)).objective())
			.isCloseTo(1.0, within(1e-9));
		// sure of NETWORK: it does
		assertThat(rows.at(0, new float[2], categories(network, network, network, attitude)).objective())
			.isCloseTo(0.25, within(1e-9));
	}

	private static FieldOutOfFold categories(double[]... byDoc) {
		return new FieldOutOfFold(List.of("NETWORK", "SERVICE_ATTITUDE"), byDoc);
	}

	@Test
	void thePointInForceStaysUnlessAnotherIsBetterByMoreThanTheMargin() {
		float[] offsets = { 0, -0.75f };
		OperatingPoint best = new OperatingPoint(0.50, offsets, 0.6720, 0);

		// the English playbook's knife edge of 2026-12-06: a hundredth of a point apart
		assertThat(new OperatingPoint(0.45, offsets, 0.6719, 0).keptAgainst(best)).isTrue();
		assertThat(new OperatingPoint(0.45, offsets, 0.6720 - OperatingPoint.KEEP_MARGIN, 0).keptAgainst(best))
			.isTrue();
		assertThat(new OperatingPoint(0.45, offsets, 0.6719 - OperatingPoint.KEEP_MARGIN, 0).keptAgainst(best))
			.isFalse();
		// a point in force that now misses the field's target goes, however accurate
		assertThat(new OperatingPoint(0.45, offsets, 0.6800, 0.002).keptAgainst(best)).isFalse();
	}

	@Test
	void aPointInForceIsScoredOnTheNewClassesByValue() {
		float[] old = { 0, -0.75f };
		FieldClassifier inForce = new FieldClassifier("playbook", List.of("NETWORK_FAULT", "STANDARD_CARE"),
				new float[0], new float[2], 1, 0.45, old);

		float[] offsets = OperatingPoint.offsetsFor(inForce,
				List.of("BILLING_ERROR", "NETWORK_FAULT", "STANDARD_CARE"));

		assertThat(offsets).containsExactly(0, 0, -0.75f);
		assertThat(playbooks().at(0.0, new float[] { 0, -0.75f }).describe(List.of("NETWORK_FAULT", "STANDARD_CARE")))
			.isEqualTo("p >= 0.00, STANDARD_CARE -0.75");
	}

	@Test
	void theWrongFallbackLimitIsReadPerLanguageOrForEveryLanguage() {
		assertThat(OperatingPoint.fallbackLimit("EN:0.05;ZH:0.0425", Language.ZH)).isEqualTo(0.0425);
		assertThat(OperatingPoint.fallbackLimit("EN:0.05;ZH:0.0425", Language.EN)).isEqualTo(0.05);
		assertThat(OperatingPoint.fallbackLimit("0.06", Language.ZH)).isEqualTo(0.06);
		assertThat(OperatingPoint.fallbackLimit("0.06", Language.EN)).isEqualTo(0.06);
		// a language the setting leaves out gets the target
		assertThat(OperatingPoint.fallbackLimit("ZH:0.04", Language.EN)).isEqualTo(0.05);
	}

	/**
	 * Labelled complaints of one field with their out-of-fold scores (one per value); the
	 * rules decide a fixed value, and no hard rule decides.
	 */
	private static final class Rows {

		private final String field;

		private final List<String> classes;

		private final String rulesValue;

		private final List<ModelTrainer.Doc> docs = new ArrayList<>();

		private final List<double[]> scores = new ArrayList<>();

		Rows(String field, List<String> classes, String rulesValue) {
			this.field = field;
			this.classes = classes;
			this.rulesValue = rulesValue;
		}

		Rows add(int count, String label, double... score) {
			for (int i = 0; i < count; i++) {
				String key = "row-" + this.docs.size();
				LabelledExample example = new LabelledExample("test", key, Language.EN, key, Map.of(this.field, label),
						Map.of(), true, "test");
				RuleOutcome rules = new RuleOutcome(Map.of(this.field, this.rulesValue), Map.of(), Map.of(), List.of(),
						Map.of(), List.of());
				this.docs.add(new ModelTrainer.Doc(example, key, rules));
				this.scores.add(score);
			}
			return this;
		}

		OperatingPoint at(double threshold, float[] offsets) {
			return at(threshold, offsets, null);
		}

		OperatingPoint at(double threshold, float[] offsets, FieldOutOfFold category) {
			return OperatingPoint.at(this.field, this.classes, this.docs, rows(), this.scores.toArray(new double[0][]),
					1.0, 0.05, threshold, offsets, category);
		}

		private List<Integer> rows() {
			List<Integer> rows = new ArrayList<>();
			for (int r = 0; r < this.docs.size(); r++) {
				rows.add(r);
			}
			return rows;
		}

		OperatingPoint choose(double fallbackLimit) {
			return OperatingPoint.choose(this.field, this.classes, this.docs, rows(),
					this.scores.toArray(new double[0][]), 1.0, fallbackLimit, null);
		}

	}

}
