package com.complaintflow.analytics.rollup;

/**
 * The dimensions a complaint is counted under; {@value #UNKNOWN} until the event that
 * tells it has arrived, {@value #ANY} in a bucket that does not split by that dimension.
 *
 * @param channel HOTLINE, STORE or APP
 * @param category the triage category
 * @param region the region code
 * @param persona the complainant's psychology
 * @param playbook the retention playbook
 */
public record Dims(String channel, String category, String region, String persona, String playbook) {

	/** A dimension not known yet. */
	public static final String UNKNOWN = "UNKNOWN";

	/** A dimension the bucket does not split by. */
	public static final String ANY = "*";

	/** The bucket of the main view: every dimension except region. */
	Dims mainView() {
		return new Dims(this.channel, this.category, ANY, this.persona, this.playbook);
	}

	/** The bucket of the region view: region and category. */
	Dims regionView() {
		return new Dims(ANY, this.category, this.region, ANY, ANY);
	}

	String key() {
		return String.join("|", this.channel, this.category, this.region, this.persona, this.playbook);
	}

}
