package com.complaintflow.followup.deadline;

import java.util.ArrayList;
import java.util.List;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.ReminderKind;

/**
 * One rung of a milestone's reminder ladder: warnings before the deadline, the breach at
 * it, then escalation to a supervisor and to the expert team.
 *
 * @param kind warning, breach or escalation
 * @param level who the reminder is addressed to
 * @param ordinal the position among reminders of the same kind and level (1, 2, ...)
 * @param fraction when it fires, as a fraction of the window
 */
public record ReminderStep(ReminderKind kind, EscalationLevel level, int ordinal, double fraction) {

	private static final EscalationLevel[] ESCALATION_LEVELS = { EscalationLevel.SUPERVISOR,
			EscalationLevel.EXPERT_TEAM };

	/** The ladder of a milestone, in firing order. */
	static List<ReminderStep> ladder(Milestone milestone) {
		List<ReminderStep> steps = new ArrayList<>();
		List<Double> warnings = milestone.getWarnAt().stream().sorted().toList();
		for (int i = 0; i < warnings.size(); i++) {
			steps.add(new ReminderStep(ReminderKind.WARNING, EscalationLevel.AGENT, i + 1, warnings.get(i)));
		}
		steps.add(new ReminderStep(ReminderKind.BREACH, EscalationLevel.AGENT, 1, 1.0));
		List<Double> escalations = milestone.getEscalateAt().stream().sorted().toList();
		for (int i = 0; i < escalations.size(); i++) {
			steps.add(new ReminderStep(ReminderKind.ESCALATION, ESCALATION_LEVELS[i], 1, escalations.get(i)));
		}
		return steps;
	}

	/** The counted time at which this step fires. */
	long targetMs(long windowMs) {
		return Math.round(this.fraction * windowMs);
	}

}
