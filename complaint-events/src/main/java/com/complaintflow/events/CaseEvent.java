package com.complaintflow.events;

/**
 * An event of a case's lifecycle, published on {@link Topics#CASES}.
 */
public sealed interface CaseEvent extends ComplaintEvent
		permits CaseOpened, CustomerContacted, ProgressUpdated, RemedyOffered, RemedyChosen, CaseWaitingOnCustomer,
		CaseResumed, CaseResolved, CallbackCompleted, CaseEscalated, CaseClosed {

	String caseId();

}
