package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.complaintflow.events.Channel;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.ValueTier;

/**
 * A compiled rule condition: every part that was given must hold ({@code anyOf}: one of
 * its nested conditions).
 */
final class Condition {

	/** The condition that always holds. */
	static final Condition ALWAYS = new Condition(List.of());

	private static final List<String> CUES = List.of("repeatedContact", "raisedVoice", "threatensToLeave",
			"threatensRegulatorOrMedia");

	private final List<Predicate<Facts>> parts;

	private Condition(List<Predicate<Facts>> parts) {
		this.parts = parts;
	}

	boolean test(Facts facts) {
		for (Predicate<Facts> part : this.parts) {
			if (!part.test(facts)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Compiles a condition, reporting every problem.
	 * @param spec the condition as written, or null for always
	 * @param path where it is, for messages
	 * @param before fields decided before the rule's own (the only ones it may use)
	 * @param signals the known signal ids
	 * @param errors where problems are collected
	 * @return the condition
	 */
	static Condition compile(RulesDocument.ConditionSpec spec, String path, Set<Field> before, Set<String> signals,
			List<String> errors) {
		if (spec == null) {
			return ALWAYS;
		}
		List<Predicate<Facts>> parts = new ArrayList<>();
		if (spec.signals() != null) {
			List<String> ids = known(spec.signals(), signals, path + ".signals", errors);
			parts.add((facts) -> ids.stream().anyMatch(facts::fired));
		}
		if (spec.allSignals() != null) {
			List<String> ids = known(spec.allSignals(), signals, path + ".allSignals", errors);
			parts.add((facts) -> ids.stream().allMatch(facts::fired));
		}
		if (spec.noSignals() != null) {
			List<String> ids = known(spec.noSignals(), signals, path + ".noSignals", errors);
			parts.add((facts) -> ids.stream().noneMatch(facts::fired));
		}
		Map<Field, List<String>> fieldValues = new EnumMap<>(Field.class);
		putIfGiven(fieldValues, Field.CATEGORY, spec.category());
		putIfGiven(fieldValues, Field.EMOTION, spec.emotion());
		putIfGiven(fieldValues, Field.ROOT_CAUSE, spec.rootCause());
		putIfGiven(fieldValues, Field.CHURN_RISK, spec.churnRisk());
		putIfGiven(fieldValues, Field.NATURE, spec.nature());
		putIfGiven(fieldValues, Field.PERSONA, spec.persona());
		putIfGiven(fieldValues, Field.PLAYBOOK, spec.playbook());
		putIfGiven(fieldValues, Field.PRIORITY, spec.priority());
		fieldValues.forEach((field, values) -> {
			if (!before.contains(field)) {
				errors.add(path + "." + field.key() + ": '" + field.key()
						+ "' is not decided yet at this point (order: " + Arrays.toString(Field.values()) + ")");
			}
			values.stream()
				.filter((value) -> !field.allows(value))
				.forEach((value) -> errors
					.add(path + "." + field.key() + ": '" + value + "' is not one of " + field.allowedValues()));
			parts.add((facts) -> values.contains(facts.get(field)));
		});
		if (spec.tier() != null) {
			List<String> tiers = enumValues(spec.tier(), ValueTier.class, path + ".tier", errors);
			parts.add((facts) -> tiers.contains(facts.complaint().customer().tier().name()));
		}
		if (spec.channel() != null) {
			List<String> channels = enumValues(spec.channel(), Channel.class, path + ".channel", errors);
			parts.add((facts) -> channels.contains(facts.complaint().channel().name()));
		}
		if (spec.expectedRemedy() != null) {
			List<String> kinds = enumValues(spec.expectedRemedy(), ExpectedRemedyKind.class, path + ".expectedRemedy",
					errors);
			parts.add((facts) -> facts.complaint().expectedRemedy() != null
					&& kinds.contains(facts.complaint().expectedRemedy().kind().name()));
		}
		if (spec.cues() != null) {
			spec.cues()
				.stream()
				.filter((cue) -> !CUES.contains(cue))
				.forEach((cue) -> errors.add(path + ".cues: '" + cue + "' is not one of " + CUES));
			List<String> cues = List.copyOf(spec.cues());
			parts.add((facts) -> cues.stream().anyMatch((cue) -> cue(facts.complaint().emotionCues(), cue)));
		}
		if (spec.minRepeat() != null) {
			int min = spec.minRepeat();
			parts.add((facts) -> facts.context() != null && facts.context().repeatCount() >= min);
		}
		if (spec.minAmount() != null) {
			BigDecimal min = spec.minAmount();
			parts.add((facts) -> facts.demandedAmount().compareTo(min) >= 0);
		}
		if (spec.minLength() != null) {
			int min = spec.minLength();
			parts.add((facts) -> facts.textLength() >= min);
		}
		if (spec.incident() != null) {
			boolean wanted = spec.incident();
			parts.add((facts) -> (facts.context() != null && facts.context().incidentId() != null) == wanted);
		}
		if (spec.lastMishandled() != null) {
			boolean wanted = spec.lastMishandled();
			parts.add((facts) -> (facts.context() != null && facts.context().lastMishandled()) == wanted);
		}
		if (spec.lastPromiseBroken() != null) {
			boolean wanted = spec.lastPromiseBroken();
			parts.add((facts) -> (facts.context() != null && facts.context().lastPromiseBroken()) == wanted);
		}
		if (spec.anyOf() != null) {
			parts.add(anyOf(spec.anyOf(), path + ".anyOf", before, signals, errors));
		}
		return new Condition(List.copyOf(parts));
	}

	private static Predicate<Facts> anyOf(List<RulesDocument.ConditionSpec> specs, String path, Set<Field> before,
			Set<String> signals, List<String> errors) {
		if (specs.isEmpty()) {
			errors.add(path + ": must list at least one condition");
		}
		List<Condition> alternatives = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			if (specs.get(i) == null) {
				errors.add(path + "[" + i + "]: empty condition");
				continue;
			}
			alternatives.add(compile(specs.get(i), path + "[" + i + "]", before, signals, errors));
		}
		return (facts) -> alternatives.stream().anyMatch((alternative) -> alternative.test(facts));
	}

	private static void putIfGiven(Map<Field, List<String>> map, Field field, List<String> values) {
		if (values != null) {
			map.put(field, List.copyOf(values));
		}
	}

	private static List<String> known(List<String> ids, Set<String> signals, String path, List<String> errors) {
		ids.stream()
			.filter((id) -> !signals.contains(id))
			.forEach((id) -> errors.add(path + ": unknown signal '" + id + "'"));
		return List.copyOf(ids);
	}

	private static List<String> enumValues(List<String> values, Class<? extends Enum<?>> type, String path,
			List<String> errors) {
		List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		values.stream()
			.filter((value) -> !allowed.contains(value))
			.forEach((value) -> errors.add(path + ": '" + value + "' is not one of " + allowed));
		return List.copyOf(values);
	}

	private static boolean cue(EmotionCues cues, String name) {
		return switch (name) {
			case "repeatedContact" -> cues.repeatedContact();
			case "raisedVoice" -> cues.raisedVoice();
			case "threatensToLeave" -> cues.threatensToLeave();
			default -> cues.threatensRegulatorOrMedia();
		};
	}

}
