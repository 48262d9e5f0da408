package com.complaintflow.triage.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.DecidedBy;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the fields staff check (category, persona, playbook, churn risk) of each new
 * decision: by language, by the source that decided the field, and whether triage was
 * unsure of it ({@link Explanation#unsure}, where the console asks staff). A rising share
 * of unsure decisions is complaints the model does not know.
 */
@Component
class DecidedFields {

	private static final List<String> SOURCES = List.of(DecidedBy.HARD_RULE, DecidedBy.MODEL, DecidedBy.RULES);

	private final Map<String, Counter> counters = new HashMap<>();

	DecidedFields(MeterRegistry meters) {
		for (String field : DecisionCorrected.FIELDS.keySet()) {
			for (Language language : Language.values()) {
				for (String source : SOURCES) {
					for (boolean unsure : new boolean[] { true, false }) {
						this.counters
							.put(key(field, language, source, unsure), Counter.builder("triage.decision.fields")
								.description("Fields staff check of the decisions triage made, by field, language, "
										+ "the source that decided it and whether triage was unsure of it (below 50 %, "
										+ "where the console asks staff)")
								.tags("field", field, "language", language.name(), "decided_by", source, "unsure",
										Boolean.toString(unsure))
								.register(meters));
					}
				}
			}
		}
	}

	/**
	 * Counts a new decision's fields (never a redelivery's).
	 * @param language the complaint's language
	 * @param decidedBy per field, the source that decided it (the rules where not told)
	 * @param confidence per field, how sure triage was (sure where not told)
	 */
	void counted(Language language, Map<String, String> decidedBy, Map<String, Double> confidence) {
		for (String field : DecisionCorrected.FIELDS.keySet()) {
			String source = decidedBy.getOrDefault(field, DecidedBy.RULES);
			Counter counter = this.counters
				.get(key(field, language, source, Explanation.unsure(confidence.get(field))));
			if (counter != null) {
				counter.increment();
			}
		}
	}

	private static String key(String field, Language language, String source, boolean unsure) {
		return field + '|' + language + '|' + source + '|' + unsure;
	}

}
