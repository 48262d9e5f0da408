package com.complaintflow.intake.submission;

import java.util.UUID;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.ExpectedRemedy;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;

/**
 * Builds the {@code ComplaintReceived} event for a clean request: a new complaint id, the
 * channel from the API key, the language detected when the channel did not say.
 */
final class ComplaintFactory {

	static final String SOURCE = "intake";

	private ComplaintFactory() {
	}

	static ComplaintReceived create(Channel channel, ComplaintRequest request) {
		ComplaintRequest.CustomerPart customer = request.customer();
		ComplaintRequest.RemedyPart remedy = request.expectedRemedy();
		Language language = (request.language() != null) ? request.language()
				: LanguageDetector.detect(request.description());
		return new ComplaintReceived(EventMetadata.newEventId(), SOURCE, EventMetadata.now(),
				"CMP-" + UUID.randomUUID(), customer.id(), ComplaintEvent.CURRENT_SCHEMA_VERSION, channel,
				new Customer(customer.id(), blankToNull(customer.name()), blankToNull(customer.phone()),
						customer.tier()),
				request.occurredAt(),
				new Location(request.location().regionCode(), blankToNull(request.location().address())),
				request.description(), blankToNull(request.believedCause()),
				(remedy != null) ? new ExpectedRemedy(remedy.kind(), remedy.amount(), remedy.deadline()) : null,
				blankToNull(request.product()), request.disputedAmount(),
				(request.emotionCues() != null) ? request.emotionCues() : EmotionCues.NONE, language);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
