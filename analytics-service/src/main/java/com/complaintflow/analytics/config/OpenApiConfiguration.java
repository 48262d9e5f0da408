package com.complaintflow.analytics.config;

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
	OpenAPI analyticsOpenApi() {
		return new OpenAPI().info(new Info().title("complaint-flow analytics API")
			.version("v1")
			.description("Operations read exact rollups (totals, series, SLA compliance, retention by "
					+ "playbook), hotspots and one complaint's timeline. Errors are RFC 9457 problem details "
					+ "(application/problem+json). See docs/analytics.md."));
	}

}
