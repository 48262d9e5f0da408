package com.complaintflow.followup.cases;

import com.complaintflow.events.EscalationLevel;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where escalations move a case: the supervisors' team queue for the SUPERVISOR rung, the
 * expert team's for the EXPERT_TEAM rung and an unsatisfied callback.
 *
 * @param supervisorTeam the supervisors' team
 * @param expertTeam the expert team
 */
@Validated
@ConfigurationProperties("complaintflow.followup.ownership")
public record OwnershipSettings(@DefaultValue("supervisors") @NotBlank String supervisorTeam,
		@DefaultValue("experts") @NotBlank String expertTeam) {

	/**
	 * The escalation level whose team this is (the expert team's, the supervisors'), or
	 * null for any other team.
	 */
	public EscalationLevel levelOf(String team) {
		if (this.expertTeam.equals(team)) {
			return EscalationLevel.EXPERT_TEAM;
		}
		return this.supervisorTeam.equals(team) ? EscalationLevel.SUPERVISOR : null;
	}

	/** The team an escalation to this level moves the case to; null for AGENT. */
	public String teamFor(EscalationLevel level) {
		return switch (level) {
			case SUPERVISOR -> this.supervisorTeam;
			case EXPERT_TEAM -> this.expertTeam;
			default -> null;
		};
	}

}
