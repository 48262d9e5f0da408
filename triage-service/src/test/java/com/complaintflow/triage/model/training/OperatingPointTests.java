package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The operating point chosen on out-of-fold scores: STANDARD_CARE is pushed down only as
 * far as the wrong-fallback limit needs, churn HIGH raised where that buys recall, and
 * the limit is read per language.
 */
class OperatingPointTests {

	private static final List<String> PLAYBOOKS = List.of("NETWORK_FAULT", "STANDARD_CARE");

	/**
	 * Twelve complaints: four sure STANDARD_CARE, four sure NETWORK_FAULT, three
	 * STANDARD_CARE the model leans to only slightly, and one network fault it calls
	 * STANDARD_CARE slightly (a wrong fallback of 1 in 12, 8.3 %). Righting that one
	 * costs the three slight STANDARD_CARE rows.
	 */
	private final List<ModelTrainer.Doc> docs = new ArrayList<>();

	private final List<double[]> scores = new ArrayList<>();

	OperatingPointTests() {
		add(4, "STANDARD_CARE", 0, 2);
		add(4, "NETWORK_FAULT", 2, 0);
		add(3, "STANDARD_CARE", 0, 0.25);
		add(1, "NETWORK_FAULT", 0, 0.5);
	}

	@Test
	void withinTheLimitTheMostAccurateOffsetIsKept() {
		OperatingPoint point = choose(0.10);

		// 8.3 % is within 10 %: STANDARD_CARE keeps its three slight rows
		assertThat(point.offsets()[1]).isGreaterThan(-0.25f).isLessThan(2f);
		assertThat(point.threshold()).isZero();
		assertThat(point.shortfall()).isZero();
	}

	@Test
	void overTheLimitStandardCareIsPushedDownUntilTheWrongFallbackFits() {
		OperatingPoint point = choose(0.05);

		// the network fault is righted, the sure STANDARD_CARE rows are not lost
		assertThat(point.offsets()[1]).isLessThanOrEqualTo(-0.5f).isGreaterThan(-2f);
		assertThat(point.offsets()[0]).isZero();
		assertThat(point.shortfall()).isZero();
	}

	@Test
	void churnHighIsRaisedWhereThatBuysRecall() {
		List<ModelTrainer.Doc> churnDocs = new ArrayList<>();
		List<double[]> churnScores = new ArrayList<>();
		// two sure HIGH, two HIGH the model calls LOW slightly, six sure LOW
		addChurn(churnDocs, churnScores, 2, "HIGH", 2, 0);
		addChurn(churnDocs, churnScores, 2, "HIGH", 0, 0.3);
		addChurn(churnDocs, churnScores, 6, "LOW", 0, 2);
		List<Integer> rows = new ArrayList<>();
		for (int r = 0; r < churnDocs.size(); r++) {
			rows.add(r);
		}

		OperatingPoint point = OperatingPoint.choose("churnRisk", List.of("HIGH", "LOW"), churnDocs, rows,
				churnScores.toArray(new double[0][]), 1.0, 0.05);

		// raised past the slight LOW (0.3), short of calling the sure LOW rows HIGH (2)
		assertThat(point.offsets()[0]).isGreaterThan(0.3f).isLessThan(2f);
		assertThat(point.offsets()[1]).isZero();
		// every row right, and the weight of a full HIGH recall on top
		assertThat(point.objective()).isCloseTo(1.5, within(1e-9));
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

	private OperatingPoint choose(double fallbackLimit) {
		List<Integer> rows = new ArrayList<>();
		for (int r = 0; r < this.docs.size(); r++) {
			rows.add(r);
		}
		return OperatingPoint.choose("playbook", PLAYBOOKS, this.docs, rows, this.scores.toArray(new double[0][]), 1.0,
				fallbackLimit);
	}

	private static void addChurn(List<ModelTrainer.Doc> docs, List<double[]> scores, int count, String label,
			double high, double low) {
		for (int i = 0; i < count; i++) {
			String key = "churn-" + docs.size();
			LabelledExample example = new LabelledExample("test", key, Language.EN, key, Map.of("churnRisk", label),
					Map.of(), true, "test");
			RuleOutcome rules = new RuleOutcome(Map.of("churnRisk", "LOW"), Set.of(), Map.of(), List.of());
			docs.add(new ModelTrainer.Doc(example, key, rules));
			scores.add(new double[] { high, low });
		}
	}

	private void add(int count, String label, double networkFault, double standardCare) {
		for (int i = 0; i < count; i++) {
			String key = "row-" + this.docs.size();
			LabelledExample example = new LabelledExample("test", key, Language.EN, key, Map.of("playbook", label),
					Map.of(), true, "test");
			// the rules fall back to STANDARD_CARE, and no hard rule decides
			RuleOutcome rules = new RuleOutcome(Map.of("playbook", "STANDARD_CARE"), Set.of(), Map.of(), List.of());
			this.docs.add(new ModelTrainer.Doc(example, key, rules));
			this.scores.add(new double[] { networkFault, standardCare });
		}
	}

}
