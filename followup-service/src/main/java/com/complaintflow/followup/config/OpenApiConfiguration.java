package com.complaintflow.followup.config;

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
	OpenAPI followupOpenApi() {
		return new OpenAPI().info(new Info().title("complaint-flow follow-up API")
			.version("v1")
			.description("Agents and supervisors read cases with their milestones and act on them (contact, "
					+ "progress, pause and resume, remedies, resolution, callback, closing). Errors are RFC "
					+ "9457 problem details (application/problem+json). See docs/followup.md."));
	}

}
