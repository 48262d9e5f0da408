package com.complaintflow.intake;

import com.complaintflow.support.test.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of intake's integration tests: the whole service on a random port against the
 * shared real broker and MongoDB wire server; subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "complaintflow.intake.submission.relay-interval=1s")
@ActiveProfiles("local")
public abstract class IntakeIntegrationTest {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	protected IntakeHttp http() {
		return new IntakeHttp(this.port);
	}

}
