package com.complaintflow.followup.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.kafka.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alertmanager body of a page: the labels on-call routes by, and a link that opens
 * the case in the console (a page a pager's browser can show), not the JSON API.
 */
class AlertBodyTests {

	private static final Instant RAISED = Instant.parse("2026-12-03T09:00:00Z");

	@Test
	void aBreachPagesWithTheCasesLabelsAndLinksToItsConsolePage() {
		OnCallAlert alert = new OnCallAlert("a-1", "case-7", "m-1", MilestoneKind.FIRST_RESPONSE, ReminderKind.BREACH,
				EscalationLevel.AGENT, "network", Priority.P2, RAISED.minusSeconds(60), RAISED, "{}");
		OnCallSettings settings = new OnCallSettings(List.of(), null, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), null, null, null, null);

		JsonNode body = EventJson.mapper().readTree(AlertBody.of(alert, settings, RAISED.plusSeconds(600))).get(0);

		assertThat(body.get("labels").get("alertname").asString()).isEqualTo("ComplaintMilestoneBreach");
		assertThat(body.get("labels").get("severity").asString()).isEqualTo("page");
		assertThat(body.get("labels").get("caseId").asString()).isEqualTo("case-7");
		assertThat(body.get("generatorURL").asString()).isEqualTo("http://localhost:8083/console/cases/case-7");
	}

}
