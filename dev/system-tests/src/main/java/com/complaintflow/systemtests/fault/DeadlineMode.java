package com.complaintflow.systemtests.fault;

import java.nio.file.Path;
import java.util.List;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.MilestoneKind;

/**
 * Which deadlines triage gives during a fault-injection run, and so which milestone every
 * case of the run (or of its slice) must have breached, since nobody acts on the cases.
 */
enum DeadlineMode {

	/** Every first response due in 30-40 s and network engineer contact in 20 s. */
	SHORT(MilestoneKind.FIRST_RESPONSE, true, true),

	/**
	 * Only the network faults' engineer contact due in 20 s (a slice of the complaints);
	 * first responses keep their hours, so large runs have no reminder flood.
	 */
	SLICE(MilestoneKind.ENGINEER_CONTACT, false, true),

	/** Triage's own (hour-long) deadlines: no reminder is due during the run. */
	POLICY(null, false, false);

	private final MilestoneKind breached;

	private final boolean shortFirstResponse;

	private final boolean shortEngineerContact;

	DeadlineMode(MilestoneKind breached, boolean shortFirstResponse, boolean shortEngineerContact) {
		this.breached = breached;
		this.shortFirstResponse = shortFirstResponse;
		this.shortEngineerContact = shortEngineerContact;
	}

	/**
	 * The mode named on the command line: {@code --policy-deadlines},
	 * {@code --reminder-slice}, or short.
	 */
	static DeadlineMode fromArguments(List<String> args) {
		if (args.contains("--policy-deadlines")) {
			return POLICY;
		}
		return args.contains("--reminder-slice") ? SLICE : SHORT;
	}

	/** The milestone whose breach is checked, or null when no reminder is due. */
	MilestoneKind breachedMilestone() {
		return this.breached;
	}

	/**
	 * Whether the case of this decision must have breached {@link #breachedMilestone()}.
	 */
	boolean mustBreach(ComplaintTriaged decision) {
		return switch (this) {
			case SHORT -> true;
			case SLICE -> decision.deadlines() != null && decision.deadlines().engineerContactBy() != null;
			case POLICY -> false;
		};
	}

	/**
	 * Triage's properties for this mode (a rules file written into the data directory).
	 */
	List<String> triageProperties(Path data) {
		if (this == POLICY) {
			return List.of();
		}
		return List.of("complaintflow.triage.rules-file="
				+ ShortDeadlineRules.write(data, this.shortFirstResponse, this.shortEngineerContact));
	}

}
