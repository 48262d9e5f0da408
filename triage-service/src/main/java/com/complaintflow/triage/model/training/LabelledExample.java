package com.complaintflow.triage.model.training;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.Language;

/**
 * A text with the labels a person gave it: every field from a labeller, or one field from
 * a staff correction.
 *
 * @param set the data set ("comcast-fcc-2015-dev", "weibo-telecom-complaints-zh-dev",
 * "corrections")
 * @param key the row key (ticket number, post id, complaint id)
 * @param language the language
 * @param text the complaint text
 * @param labels field key ({@link #FIELDS}) to value; persona may be absent (no cue)
 * @param alt field key to the other accepted values (soft distinctions)
 * @param complaint whether it is a complaint at all
 * @param source who labelled it (labeller file, or the staff member who corrected)
 */
public record LabelledExample(String set, String key, Language language, String text, Map<String, String> labels,
		Map<String, Set<String>> alt, boolean complaint, String source) {

	/** The fields labelled and learned, by their keys in decisions and explanations. */
	public static final List<String> FIELDS = List.of("category", "emotion", "rootCause", "churnRisk", "nature",
			"persona", "playbook");

	public LabelledExample {
		labels = Map.copyOf(labels);
		alt = Map.copyOf(alt);
	}

	/** The labelled value of a field, or null. */
	public String label(String field) {
		return this.labels.get(field);
	}

	/** Whether a prediction counts as right: the label or an accepted alternative. */
	public boolean accepts(String field, String value) {
		String label = this.labels.get(field);
		return label != null && (label.equals(value) || this.alt.getOrDefault(field, Set.of()).contains(value));
	}

}
