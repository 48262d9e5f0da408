package com.complaintflow.intake.channel;

import java.net.http.HttpResponse;

import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import com.complaintflow.intake.SampleComplaints;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels authenticate with their API key (401 problem details otherwise); health is
 * open, other actuator endpoints and the shared operations endpoints need staff
 * credentials.
 */
class ChannelAuthenticationTests extends IntakeIntegrationTest {

	@Test
	void missingApiKeyIs401WithProblemDetails() {
		HttpResponse<String> response = http().submit(null, null, SampleComplaints.minimal("C-6001", "x"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(IntakeHttp.json(response.body()).path("detail").asString()).contains("X-Api-Key");
	}

	@Test
	void unknownApiKeyIs401() {
		assertThat(http().submit("not-a-key", null, SampleComplaints.minimal("C-6002", "x")).statusCode())
			.isEqualTo(401);
		assertThat(http().get("not-a-key", "/api/v1/complaints/CMP-1").statusCode()).isEqualTo(401);
	}

	@Test
	void staffCredentialsDoNotOpenTheChannelApi() {
		assertThat(http().getAsStaff("ops", "ops-dev", "/api/v1/complaints/CMP-1").statusCode()).isEqualTo(401);
	}

	@Test
	void theSharedOperationsEndpointTakesStaffWithOperationsNotAChannelKey() {
		String redrive = "/api/v1/operations/dead-letters/redrive";
		String body = "{\"topic\":\"complaints.cases\"}";

		HttpResponse<String> operations = http().postAsStaff("ops", "ops-dev", redrive, body);

		assertThat(operations.statusCode()).as(operations.body()).isEqualTo(200);
		assertThat(IntakeHttp.json(operations.body()).path("group").asString()).isEqualTo("intake");
		assertThat(http().postAsStaff("agent", "agent-dev", redrive, body).statusCode()).isEqualTo(403);
		assertThat(http().get(IntakeHttp.HOTLINE_KEY, redrive).statusCode()).isEqualTo(401);
	}

	@Test
	void healthIsOpenAndOtherActuatorEndpointsNeedStaffCredentials() {
		assertThat(http().get(null, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(http().get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(http().get(IntakeHttp.HOTLINE_KEY, "/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(http().getAsStaff("agent", "agent-dev", "/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(http().getAsStaff("prometheus", "prometheus-dev", "/actuator/prometheus").statusCode())
			.isEqualTo(200);
	}

	@Test
	void healthAnswersHeadWithoutCredentialsAsALoadBalancerProbesIt() {
		assertThat(http().send("HEAD", null, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(http().send("HEAD", null, "/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	@Test
	void theApiDocumentsNeedAChannelKeyOrAStaffAccount() {
		for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html" }) {
			assertThat(http().get(null, path).statusCode()).as(path).isEqualTo(401);
			assertThat(http().get("not-a-key", path).statusCode()).as(path).isEqualTo(401);
			assertThat(http().get(IntakeHttp.STORE_KEY, path).statusCode()).as(path).isEqualTo(200);
			assertThat(http().getAsStaff("agent", "agent-dev", path).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void aPathTheFirewallRefusesIs400WhateverTheMethodNeverACredentialsError() {
		// a channel with a good key is never told its credentials are wrong (a guard: it
		// held before the API documents' rule changed, and still does)
		for (String method : new String[] { "GET", "POST", "DELETE" }) {
			HttpResponse<String> refused = http().send(method, IntakeHttp.HOTLINE_KEY, "/api/v1/complaints;v=1");
			assertThat(refused.statusCode()).as(method).isEqualTo(400);
		}
	}

	@Test
	void healthDetailsAreForOperationsOnly() {
		assertThat(http().get(null, "/actuator/health").body()).doesNotContain("components");
		assertThat(http().get(IntakeHttp.HOTLINE_KEY, "/actuator/health").body()).doesNotContain("components");
		assertThat(http().getAsStaff("agent", "agent-dev", "/actuator/health").body()).doesNotContain("components");
		JsonNode components = EventJson.mapper()
			.readTree(http().getAsStaff("ops", "ops-dev", "/actuator/health").body())
			.get("components");
		assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);
	}

	@Test
	void acceptedAndRejectedComplaintsAreCountedPerChannelAndReason() {
		http().submit(IntakeHttp.STORE_KEY, null, SampleComplaints.minimal("C-6003", "x"));
		http().submit(IntakeHttp.STORE_KEY, null, "{}");
		http().submit("wrong", null, "{}");

		String metrics = http().getAsStaff("prometheus", "prometheus-dev", "/actuator/prometheus").body();

		assertThat(metrics).contains("complaints_intake_accepted_total{application=\"intake\",channel=\"STORE\"}")
			.contains("complaints_intake_rejected_total{application=\"intake\",channel=\"STORE\",reason=\"invalid\"}")
			.contains(
					"complaints_intake_rejected_total{application=\"intake\",channel=\"unknown\",reason=\"unauthorized\"}")
			.contains("complaints_intake_publish_seconds_bucket")
			.contains("http_server_requests_seconds_bucket");
	}

}
