package com.complaintflow.triage.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header; the operations are generated from the controllers and
 * completed by service-support (staff scheme, problem-detail errors).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI triageOpenApi() {
		return new OpenAPI().info(new Info().title("complaint-flow triage API")
			.version("v1")
			.description("Staff read triage decisions with their explanation, preview a decision, correct "
					+ "decisions, and reload the rules and the learned model. Errors are RFC 9457 problem "
					+ "details (application/problem+json). See docs/triage.md."));
	}

}
