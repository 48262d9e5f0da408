package com.complaintflow.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps each event's logical wire name to its record and topic, so no Java class name goes
 * on the wire.
 */
public enum EventType {

	COMPLAINT_RECEIVED("complaint-received", ComplaintReceived.class, Topics.RECEIVED),
	COMPLAINT_TRIAGED("complaint-triaged", ComplaintTriaged.class, Topics.TRIAGED),
	INCIDENT_DETECTED("incident-detected", IncidentDetected.class, Topics.INCIDENTS),
	CASE_OPENED("case-opened", CaseOpened.class, Topics.CASES),
	CUSTOMER_CONTACTED("customer-contacted", CustomerContacted.class, Topics.CASES),
	PROGRESS_UPDATED("progress-updated", ProgressUpdated.class, Topics.CASES),
	REMEDY_OFFERED("remedy-offered", RemedyOffered.class, Topics.CASES),
	REMEDY_CHOSEN("remedy-chosen", RemedyChosen.class, Topics.CASES),
	CASE_RESOLVED("case-resolved", CaseResolved.class, Topics.CASES),
	CALLBACK_COMPLETED("callback-completed", CallbackCompleted.class, Topics.CASES),
	CASE_ESCALATED("case-escalated", CaseEscalated.class, Topics.CASES),
	CASE_CLOSED("case-closed", CaseClosed.class, Topics.CASES),
	CASE_WAITING_ON_CUSTOMER("case-waiting-on-customer", CaseWaitingOnCustomer.class, Topics.CASES),
	CASE_RESUMED("case-resumed", CaseResumed.class, Topics.CASES),
	CASE_WORKED("case-worked", CaseWorked.class, Topics.CASES),
	REMINDER_RAISED("reminder-raised", ReminderRaised.class, Topics.REMINDERS),
	DECISION_CORRECTED("decision-corrected", DecisionCorrected.class, Topics.CORRECTIONS),
	NOTIFICATION_REQUESTED("notification-requested", NotificationRequested.class, Topics.NOTIFICATIONS),
	CUSTOMER_ERASED("customer-erased", CustomerErased.class, Topics.ERASURES),
	CUSTOMER_DATA_ERASED("customer-data-erased", CustomerDataErased.class, Topics.ERASURES);

	private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

	private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

	private final String typeName;

	private final Class<? extends ComplaintEvent> eventClass;

	private final String topic;

	EventType(String typeName, Class<? extends ComplaintEvent> eventClass, String topic) {
		this.typeName = typeName;
		this.eventClass = eventClass;
		this.topic = topic;
	}

	public String typeName() {
		return this.typeName;
	}

	public Class<? extends ComplaintEvent> eventClass() {
		return this.eventClass;
	}

	public String topic() {
		return this.topic;
	}

	public static Optional<EventType> forName(String typeName) {
		return Optional.ofNullable(BY_NAME.get(typeName));
	}

	public static EventType of(ComplaintEvent event) {
		return BY_CLASS.get(event.getClass());
	}

}
