package com.complaintflow.followup.console;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.complaintflow.followup.MutableClock;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console session ends after 30 minutes without the staff member's own use, however
 * often its page reloads itself; the staff member's own use keeps it. Real HTTP, broker
 * and wire server, a clock moved by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(MutableClock.Config.class)
@DirtiesContext
class ConsoleIdleTimeoutTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void anUnattendedConsoleIsSignedOutHoweverOftenItsPageReloadsItself() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		assertThat(session.login("agent", "agent-dev").uri().getPath()).isEqualTo("/console/queue");

		for (int minute = 1; minute <= 29; minute++) {
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(reload(session).statusCode()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofMinutes(2));

		HttpResponse<String> reload = reload(session);
		assertThat(reload.statusCode()).isEqualTo(401);
		assertThat(reload.headers().firstValue("HX-Redirect")).hasValue("/console/login");
		assertThat(session.get("/console/queue").uri().getPath()).isEqualTo("/console/login");
	}

	@Test
	void theStaffMembersOwnUseKeepsTheConsoleSignedIn() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("agent", "agent-dev");

		for (int visit = 0; visit < 3; visit++) {
			this.clock.advance(Duration.ofMinutes(20));
			assertThat(session.get("/console/queue").uri().getPath()).isEqualTo("/console/queue");
		}
	}

	private static HttpResponse<String> reload(ConsoleSession session) throws Exception {
		return session.http()
			.send(HttpRequest.newBuilder(URI.create(session.base() + "/console/queue/rows"))
				.header("HX-Request", "true")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
