package com.complaintflow.localstack;

import com.complaintflow.analytics.AnalyticsApplication;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.intake.IntakeApplication;
import com.complaintflow.triage.TriageApplication;

/**
 * The four services, in the order the stack starts them (consumers before the producer
 * that feeds them).
 */
public enum Service {

	ANALYTICS("analytics", AnalyticsApplication.class, 8084),

	FOLLOWUP("followup", FollowupApplication.class, 8083),

	TRIAGE("triage", TriageApplication.class, 8082),

	INTAKE("intake", IntakeApplication.class, 8081);

	private final String serviceName;

	private final Class<?> application;

	private final int defaultPort;

	Service(String serviceName, Class<?> application, int defaultPort) {
		this.serviceName = serviceName;
		this.application = application;
		this.defaultPort = defaultPort;
	}

	public String serviceName() {
		return this.serviceName;
	}

	public Class<?> application() {
		return this.application;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

}
