package com.complaintflow.triage.rules;

import java.util.Arrays;
import java.util.List;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RootCauseLayer;

/**
 * The decision fields, in the order they are decided: a rule may refer only to fields
 * decided before its own.
 */
enum Field {

	CATEGORY("category", Category.class), EMOTION("emotion", Emotion.class),
	ROOT_CAUSE("rootCause", RootCauseLayer.class), CHURN_RISK("churnRisk", ChurnRisk.class),
	NATURE("nature", Nature.class), PERSONA("persona", Persona.class), PLAYBOOK("playbook", Playbook.class),
	PRIORITY("priority", Priority.class), QUEUE("queue", null);

	private final String key;

	private final List<String> values;

	Field(String key, Class<? extends Enum<?>> type) {
		this.key = key;
		this.values = (type != null) ? Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() : null;
	}

	/** The name used in rules files and explanations. */
	String key() {
		return this.key;
	}

	/** The allowed values in order (ties go to the earlier), or null for free text. */
	List<String> allowedValues() {
		return this.values;
	}

	boolean allows(String value) {
		return (this.values == null) ? (value != null && !value.isBlank()) : this.values.contains(value);
	}

	static Field byKey(String key) {
		for (Field field : values()) {
			if (field.key.equals(key)) {
				return field;
			}
		}
		return null;
	}

}
