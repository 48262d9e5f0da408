package com.complaintflow.triage.rules;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.RootCauseLayer;

/**
 * What the rules (and the learned model) decided for one complaint, before it is stored
 * and published; {@code decidedBy} tells per field which source decided it
 * ({@code hard-rule}, {@code model} or {@code rules}).
 */
public record Verdict(Category category, Nature nature, Persona persona, Emotion emotion, RootCauseLayer rootCauseLayer,
		ChurnRisk churnRisk, Playbook playbook, List<String> playbookSteps, Priority priority,
		List<RemedyOption> remedies, boolean verificationRequired, Deadlines deadlines, String queue, String incidentId,
		int repeatCount, Explanation explanation, Map<String, String> decidedBy) {
}
