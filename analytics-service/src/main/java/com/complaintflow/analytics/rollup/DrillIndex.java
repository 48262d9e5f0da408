package com.complaintflow.analytics.rollup;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.analytics.journal.ComplaintRecord;
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

	private static final Set<String> FLAGS = Set.of(Measures.ESCALATED, Measures.REPEAT, Measures.COMMUNICATIVE,
			Measures.COMMUNICATIVE_ESCALATED, Measures.CORRECTED);

	private static final List<String> PREFIXES = List.of(Measures.OUTCOME, Measures.SLA_MET, Measures.SLA_BREACHED,
			Measures.SATISFACTION, Measures.CORRECTED_FIELD);

	private DrillIndex() {
	}

	/**
	 * Whether the drill-down can list the complaints behind a measure.
	 * @param measure a measure name
	 * @return true for stages, flags, outcomes, SLA results, satisfaction scores and
	 * corrected fields
	 */
	public static boolean indexed(String measure) {
		return Measures.STAGES.contains(measure) || FLAGS.contains(measure) || PREFIXES.stream()
			.anyMatch((prefix) -> measure.startsWith(prefix) && measure.length() > prefix.length());
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
