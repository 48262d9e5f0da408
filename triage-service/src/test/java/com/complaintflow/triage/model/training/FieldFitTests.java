package com.complaintflow.triage.model.training;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The log-count ratio that scales a value's features: positive for a feature of that
 * value's texts, negative for one of the others', zero for one as common in both; the
 * bias feature is not counted.
 */
class FieldFitTests {

	@Test
	void theLogCountRatioFavoursTheFeaturesOfTheValue() {
		// features 1 (only in value 0's texts), 2 (only in the others'), 3 (in all); 4 is
		// the bias
		Problem problem = new Problem();
		problem.l = 4;
		problem.n = 4;
		problem.y = new double[] { 0, 0, 1, 1 };
		problem.x = new Feature[][] { row(1, 3), row(1, 3), row(2, 3), row(2, 3) };

		double[] ratio = FieldFit.logCountRatio(problem, 3, 0);

		assertThat(ratio).hasSize(3);
		// counts plus one: value 0 has (3, 1, 3) of 7, the others (1, 3, 3) of 7
		assertThat(ratio[0]).isCloseTo(Math.log(3), within(1e-12));
		assertThat(ratio[1]).isCloseTo(-Math.log(3), within(1e-12));
		assertThat(ratio[2]).isCloseTo(0, within(1e-12));
	}

	private static Feature[] row(int... features) {
		Feature[] nodes = new Feature[features.length + 1];
		for (int k = 0; k < features.length; k++) {
			nodes[k] = new FeatureNode(features[k], 0.5);
		}
		nodes[features.length] = new FeatureNode(4, 1.0);
		return nodes;
	}

}
