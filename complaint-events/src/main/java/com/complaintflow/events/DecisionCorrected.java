package com.complaintflow.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A staff member corrected one field of a triage decision (category, persona, playbook or
 * churnRisk): what triage had decided, by which source, and the corrected value; a
 * corrected value equal to the previous one confirms triage's (a confirmation, or an undo
 * of earlier corrections). Analytics counts these for the correction rate per field and
 * per playbook, for the decisions checked, and for the console's suggestions staff took.
 *
 * @param correctionId the correction's id (one event per correction)
 * @param field the field key: {@code category}, {@code persona}, {@code playbook} or
 * {@code churnRisk}
 * @param previousValue what triage decided
 * @param correctedValue what the staff member says it is
 * @param decidedBy which source had decided the field ({@link DecidedBy}):
 * {@code hard-rule}, {@code model} or {@code rules}
 * @param playbook the playbook triage had chosen (the denominator of the per-playbook
 * rate)
 * @param correctedByRole the role of the staff member (AGENT or SUPERVISOR; the name
 * stays in triage)
 * @param suggestedValue the value followup's console suggested for the field when the
 * staff member checked it (the first check of a field triage was under 50 % sure of, its
 * model naming another value: {@link ModelAdvice#suggestion}), or null where it suggested
 * none; a corrected value equal to it took the suggestion
 */
public record DecisionCorrected(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String correctionId, String field, String previousValue, String correctedValue,
		String decidedBy, Playbook playbook, String correctedByRole, String suggestedValue) implements ComplaintEvent {

	/**
	 * The fields staff correct, by their keys, each with its values: what triage accepts
	 * and followup's console offers.
	 */
	public static final Map<String, List<String>> FIELDS = Map.of("category", names(Category.values()), "persona",
			names(Persona.values()), "playbook", names(Playbook.values()), "churnRisk", names(ChurnRisk.values()));

	public DecisionCorrected {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(correctionId, "correctionId");
		Required.field(field, "field");
		Required.field(previousValue, "previousValue");
		Required.field(correctedValue, "correctedValue");
		Required.field(decidedBy, "decidedBy");
		Required.field(playbook, "playbook");
		Required.field(correctedByRole, "correctedByRole");
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
