package com.complaintflow.followup.oncall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.kafka.EventJson;

/**
 * Writes an alert in the receiver's format: Alertmanager's {@code POST /api/v2/alerts}
 * array (labels carry no personal data), with the {@code endsAt} that keeps it firing or
 * resolves it, or the reminder event itself.
 */
final class AlertBody {

	private AlertBody() {
	}

	/**
	 * The body of one post.
	 * @param alert the alert
	 * @param settings the format and link
	 * @param endsAt until when Alertmanager keeps it firing without news: a little ahead
	 * while the breach is open, the resolution instant once it closed
	 * @return the JSON body
	 */
	static String of(OnCallAlert alert, OnCallSettings settings, Instant endsAt) {
		if (settings.format() == OnCallSettings.Format.EVENT) {
			return alert.getEventJson();
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname",
				(alert.getKind() == ReminderKind.BREACH) ? "ComplaintMilestoneBreach" : "ComplaintEscalation");
		labels.put("severity", "page");
		labels.put("service", "followup");
		labels.put("caseId", alert.getCaseId());
		labels.put("milestone", alert.getMilestone().name());
		labels.put("level", alert.getLevel().name());
		labels.put("queue", alert.getQueue());
		labels.put("priority", alert.getPriority().name());
		Map<String, String> annotations = Map.of("summary",
				alert.getMilestone() + " " + alert.getKind().name().toLowerCase() + " for case " + alert.getCaseId()
						+ " (" + alert.getPriority() + ", queue " + alert.getQueue() + ")",
				"description", "The " + alert.getMilestone() + " deadline was due at " + alert.getDueAt()
						+ "; addressed to " + alert.getLevel() + ".");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("labels", labels);
		body.put("annotations", annotations);
		body.put("startsAt", alert.getRaisedAt().toString());
		body.put("endsAt", endsAt.toString());
		body.put("generatorURL", settings.generatorUrl() + alert.getCaseId());
		return EventJson.mapper().writeValueAsString(List.of(body));
	}

}
