package com.complaintflow.analytics.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import org.bson.Document;

/**
 * What the drill-down finds a complaint by, stored beside its timeline: its dimensions,
 * when it started and the hour of each measure it is counted under, exactly as
 * {@link Contributions} counts it (histogram bins, amounts and durations left out), so
 * the complaints behind a bar are as many as the bar says.
 */
public final class DrillIndex {

	/** The complaint's dimensions ({@link Dims} fields). */
	public static final String DIMS = "dims";

	/** The list of counted measures, each {@code {m: name, h: hour}}. */
	public static final String MEASURES = "measures";

	/** A measure's name in {@link #MEASURES}. */
	public static final String MEASURE = "m";

	/** A measure's hour in {@link #MEASURES}. */
	public static final String HOUR = "h";

	/** When the complaint's first event happened. */
	public static final String STARTED_AT = "startedAt";

	private static final List<String> FLAGS = List.of(Measures.ESCALATED, Measures.REPEAT, Measures.COMMUNICATIVE,
			Measures.COMMUNICATIVE_ESCALATED, Measures.CORRECTED);

	/** The measures counted per value: each prefix with the values it is counted for. */
	private static final Map<String, List<String>> PER_VALUE = perValue();

	private DrillIndex() {
	}

	private static Map<String, List<String>> perValue() {
		List<String> milestones = Arrays.stream(MilestoneKind.values()).map(Enum::name).toList();
		Map<String, List<String>> perValue = new LinkedHashMap<>();
		perValue.put(Measures.OUTCOME, Arrays.stream(Outcome.values()).map(Enum::name).toList());
		perValue.put(Measures.SLA_MET, milestones);
		perValue.put(Measures.SLA_BREACHED, milestones);
		perValue.put(Measures.SATISFACTION, List.of("1", "2", "3", "4", "5"));
		perValue.put(Measures.CORRECTED_FIELD, Measures.CORRECTED_FIELDS);
		perValue.put(Measures.CHECKED_FIELD, Measures.CORRECTED_FIELDS);
		perValue.put(Measures.SUGGESTED_FIELD, Measures.CORRECTED_FIELDS);
		perValue.put(Measures.SUGGESTION_TAKEN_FIELD, Measures.CORRECTED_FIELDS);
		return Collections.unmodifiableMap(perValue);
	}

	/**
	 * Whether the drill-down can list the complaints behind a measure.
	 * @param measure a measure name
	 * @return true for stages, flags, outcomes, SLA results per milestone kind,
	 * satisfaction scores 1 to 5 and corrected, checked, suggested or suggestion-taken
	 * fields ({@link #listable()})
	 */
	public static boolean indexed(String measure) {
		return Measures.STAGES.contains(measure) || FLAGS.contains(measure)
				|| PER_VALUE.entrySet()
					.stream()
					.anyMatch((prefix) -> measure.startsWith(prefix.getKey())
							&& prefix.getValue().contains(measure.substring(prefix.getKey().length())));
	}

	/** The measures {@link #indexed} accepts, in words. */
	public static String listable() {
		return "a stage " + Measures.STAGES + ", a flag " + FLAGS + " or "
				+ PER_VALUE.entrySet()
					.stream()
					.map((prefix) -> prefix.getKey() + "<one of " + prefix.getValue() + ">")
					.collect(Collectors.joining(", "));
	}

	/**
	 * The index fields of one complaint.
	 * @param complaint its events
	 * @return {@value #DIMS}, {@value #MEASURES} and {@value #STARTED_AT}
	 */
	public static Document of(ComplaintRecord complaint) {
		Contributions contributions = Contributions.of(complaint);
		Dims dims = contributions.dims();
		List<Document> measures = new ArrayList<>();
		for (Map.Entry<java.time.Instant, Counters> hour : contributions.byHour().entrySet()) {
			hour.getValue()
				.toDocument()
				.keySet()
				.stream()
				.filter(DrillIndex::indexed)
				.forEach((measure) -> measures
					.add(new Document(MEASURE, measure).append(HOUR, Date.from(hour.getKey()))));
		}
		Document index = new Document(DIMS,
				new Document("channel", dims.channel()).append("category", dims.category())
					.append("region", dims.region())
					.append("persona", dims.persona())
					.append("playbook", dims.playbook()))
			.append(MEASURES, measures);
		if (!complaint.entries().isEmpty()) {
			index.append(STARTED_AT, Date.from(complaint.entries().get(0).occurredAt()));
		}
		return index;
	}

}
