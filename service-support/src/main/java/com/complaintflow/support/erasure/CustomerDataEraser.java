package com.complaintflow.support.erasure;

import java.util.Map;

/**
 * One part of a service's erasure of a customer's personal data (PIPL art. 47, GDPR art.
 * 17). Erasers run in their {@code @Order} when the service reads a
 * {@code customer-erased} event; each must be idempotent (a redelivered request erases
 * nothing more and fails nothing).
 */
@FunctionalInterface
public interface CustomerDataEraser {

	/**
	 * Erases what this part keeps about the customer.
	 * @param customerId the customer
	 * @return documents erased or scrubbed, by collection (zero counts may be left out)
	 */
	Map<String, Long> erase(String customerId);

}
