package com.complaintflow.followup.cases;

import java.util.List;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;

/**
 * The personal data of a case, kept in this one field so that an erasure unsets one
 * field: the customer's contact, the complaint in their words and the search terms
 * derived from those words. Never logged, never a metric label.
 *
 * @param contact the customer's name and phone
 * @param words the complaint as the customer told it
 * @param searchTerms the tokens of the words that the words search matches
 */
public record CasePersonal(Contact contact, ComplaintWords words, List<String> searchTerms) {

	public CasePersonal {
		searchTerms = (searchTerms != null) ? List.copyOf(searchTerms) : List.of();
	}

	/** The personal data a received complaint carries. */
	static CasePersonal of(ComplaintReceived received) {
		Customer customer = received.customer();
		ComplaintWords words = ComplaintWords.of(received);
		return new CasePersonal(new Contact(customer.name(), customer.phone()), words,
				SearchTerms.of(words.description(), words.believedCause(), words.remedyText()));
	}

	@Override
	public String toString() {
		return "CasePersonal[redacted]";
	}

	/**
	 * How to reach the customer.
	 *
	 * @param name the customer's name
	 * @param phone the customer's phone
	 */
	public record Contact(String name, String phone) {

		@Override
		public String toString() {
			return "Contact[redacted]";
		}

	}

}
