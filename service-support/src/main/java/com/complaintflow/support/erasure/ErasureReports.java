package com.complaintflow.support.erasure;

import com.complaintflow.events.CustomerDataErased;

/**
 * Collects the services' erasure reports; implemented by the service that takes erasure
 * requests.
 */
@FunctionalInterface
public interface ErasureReports {

	/** Records one service's report (idempotently: a repeated report changes nothing). */
	void record(CustomerDataErased report);

}
