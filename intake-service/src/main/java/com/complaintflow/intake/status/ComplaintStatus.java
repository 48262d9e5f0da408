package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.complaintflow.events.Channel;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneKind;
import org.bson.Document;

/**
 * The customer-facing status of one complaint, as stored in {@code complaint_status}: its
 * stage and the promises made to the customer. No names, phones or free text.
 *
 * @param complaintId the complaint
 * @param channel the channel that submitted it (only that channel may read it)
 * @param language the complaint's language, used for the wording
 * @param stage where it stands
 * @param stageAt when the event that set the stage happened
 * @param caseId the follow-up case, once opened
 * @param deadlines the promised instants by milestone kind name
 * @param met the milestones already met
 */
record ComplaintStatus(String complaintId, Channel channel, Language language, Stage stage, Instant stageAt,
		String caseId, Document deadlines, List<String> met) {

	static final String COLLECTION = "complaint_status";

	/** Deadline key of the callback after resolution. */
	static final String CALLBACK = MilestoneKind.CALLBACK.name();

	/** Deadline key of the next progress update. */
	static final String PROGRESS_UPDATE = MilestoneKind.PROGRESS_UPDATE.name();

	static ComplaintStatus fromDocument(Document document) {
		String channel = document.getString("channel");
		String language = document.getString("language");
		Date stageAt = document.getDate("stageAt");
		Document deadlines = document.get("deadlines", Document.class);
		List<String> met = document.getList("met", String.class);
		return new ComplaintStatus(document.getString("_id"), (channel != null) ? Channel.valueOf(channel) : null,
				(language != null) ? Language.valueOf(language) : Language.EN,
				Stage.valueOf(document.getString("stage")), (stageAt != null) ? stageAt.toInstant() : null,
				document.getString("caseId"), (deadlines != null) ? deadlines : new Document(),
				(met != null) ? met : List.of());
	}

	Instant deadline(String kind) {
		Date date = this.deadlines.getDate(kind);
		return (date != null && !this.met.contains(kind)) ? date.toInstant() : null;
	}

}
