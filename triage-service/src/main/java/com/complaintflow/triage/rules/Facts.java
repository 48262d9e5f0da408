package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ExpectedRemedy;

/**
 * Everything a condition can look at while one complaint is decided: the complaint, the
 * signals it fired, the context and the fields decided so far.
 */
final class Facts {

	private final ComplaintReceived complaint;

	private final TextAnalyzer.Result text;

	private final TriageContext context;

	private final Map<Field, String> decided = new EnumMap<>(Field.class);

	Facts(ComplaintReceived complaint, TextAnalyzer.Result text, TriageContext context) {
		this.complaint = complaint;
		this.text = text;
		this.context = context;
	}

	ComplaintReceived complaint() {
		return this.complaint;
	}

	TriageContext context() {
		return this.context;
	}

	boolean fired(String signal) {
		return this.text.fired().containsKey(signal);
	}

	Map<String, String> firedSignals() {
		return this.text.fired();
	}

	int textLength() {
		return this.text.length();
	}

	String get(Field field) {
		return this.decided.get(field);
	}

	void set(Field field, String value) {
		this.decided.put(field, value);
	}

	/** The larger of the disputed amount and the compensation demanded, or zero. */
	BigDecimal demandedAmount() {
		BigDecimal amount = (this.complaint.disputedAmount() != null) ? this.complaint.disputedAmount()
				: BigDecimal.ZERO;
		ExpectedRemedy expected = this.complaint.expectedRemedy();
		if (expected != null && expected.amount() != null && expected.amount().compareTo(amount) > 0) {
			amount = expected.amount();
		}
		return amount;
	}

}
