package com.complaintflow.triage.model.training;

import java.util.List;

/**
 * One field's calibrated out-of-fold scores per training document (null for a document
 * without the field's label): the category's, with which the playbook's operating point
 * is chosen as the model decides, the pair that fits.
 *
 * @param classes the field's values, in score order
 * @param byDoc per document index, each value's score scaled as before the softmax (its
 * log-probability up to a constant), or null
 */
record FieldOutOfFold(List<String> classes, double[][] byDoc) {

	/** The scaled scores of a document, or null. */
	double[] of(int doc) {
		return this.byDoc[doc];
	}

}
