package com.complaintflow.followup.deadline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.MilestoneKind;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The policy table of milestones and the business calendars it refers to, checked at
 * start-up: every milestone kind has a policy and every named calendar exists.
 *
 * @param policies the policy of each milestone kind
 * @param calendars business calendars by name
 */
@Validated
@ConfigurationProperties("complaintflow.followup.milestones")
public record MilestoneSettings(Map<MilestoneKind, @Valid MilestonePolicy> policies,
		Map<String, @Valid CalendarSpec> calendars) {

	public MilestoneSettings {
		policies = (policies != null) ? Map.copyOf(policies) : Map.of();
		calendars = (calendars != null) ? Map.copyOf(calendars) : Map.of();
		Set<MilestoneKind> missing = EnumSet.allOf(MilestoneKind.class);
		missing.removeAll(policies.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("No milestone policy for " + missing);
		}
		for (MilestonePolicy policy : policies.values()) {
			if (policy.clock() == ClockKind.BUSINESS && !calendars.containsKey(policy.calendar())) {
				throw new IllegalArgumentException("Unknown business calendar '" + policy.calendar() + "'");
			}
		}
	}

	public MilestonePolicy policy(MilestoneKind kind) {
		return this.policies.get(kind);
	}

}
