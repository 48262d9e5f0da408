package com.complaintflow.triage.model.training;

import java.util.List;

import com.complaintflow.triage.model.FieldClassifier;

/**
 * Calibration: the softmax temperature that minimises a field's log loss on out-of-fold
 * scores, searched in steps of 15 % from 0.05 to 5.
 */
final class SoftmaxTemperature {

	private SoftmaxTemperature() {
	}

	/**
	 * The temperature for a field's out-of-fold scores ({@code outOfFold[r]} of the
	 * document {@code rows.get(r)}; a null row is skipped).
	 */
	static double minimisingLogLoss(String field, List<String> classes, List<ModelTrainer.Doc> docs, List<Integer> rows,
			double[][] outOfFold) {
		double best = 1;
		double bestLoss = Double.MAX_VALUE;
		for (double t = 0.05; t <= 5.0; t *= 1.15) {
			double loss = 0;
			for (int r = 0; r < rows.size(); r++) {
				if (outOfFold[r] == null) {
					continue;
				}
				int label = classes.indexOf(docs.get(rows.get(r)).example().label(field));
				double[] p = FieldClassifier.softmax(outOfFold[r], t, null);
				loss -= Math.log(Math.max(1e-12, p[label]));
			}
			if (loss < bestLoss) {
				bestLoss = loss;
				best = t;
			}
		}
		return best;
	}

}
