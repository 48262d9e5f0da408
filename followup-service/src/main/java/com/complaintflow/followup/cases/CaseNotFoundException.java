package com.complaintflow.followup.cases;

/**
 * No case, or no checklist step of a case, has the given id.
 */
public class CaseNotFoundException extends CaseException {

	CaseNotFoundException(String message) {
		super(message);
	}

	static CaseNotFoundException caseId(String caseId) {
		return new CaseNotFoundException("No case with id " + caseId);
	}

}
