package com.complaintflow.triage.model.training;

/**
 * Decisions counted against their labels: how many, how many right, and the confidence
 * they stated.
 */
final class Tally {

	private int count;

	private int right;

	private double stated;

	/** Counts one decision, the confidence it stated and whether it was right. */
	void add(double confidence, boolean right) {
		this.count++;
		this.right += right ? 1 : 0;
		this.stated += confidence;
	}

	/** Adds another tally's decisions to this one's. */
	void addAll(Tally other) {
		this.count += other.count;
		this.right += other.right;
		this.stated += other.stated;
	}

	int count() {
		return this.count;
	}

	int right() {
		return this.right;
	}

	/** The mean confidence stated, 0 for none counted. */
	double meanStated() {
		return (this.count > 0) ? this.stated / this.count : 0;
	}

	/** The share right, 0 for none counted. */
	double shareRight() {
		return (this.count > 0) ? (double) this.right / this.count : 0;
	}

}
