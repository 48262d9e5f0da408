package com.complaintflow.intake.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header: what the API is and how channels authenticate. The
 * operations themselves are generated from the controllers, so the document cannot drift
 * from the code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String API_KEY_SCHEME = "channelApiKey";

	@Bean
	OpenAPI intakeOpenApi() {
		return new OpenAPI()
			.info(new Info().title("complaint-flow intake API")
				.version("v1")
				.description("Channels (hotline, store, app) submit complaints and read their status. "
						+ "Errors are RFC 9457 problem details (application/problem+json). See docs/intake.md."))
			.components(new Components().addSecuritySchemes(API_KEY_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-Api-Key")
						.description("The channel's API key; the channel is taken from the key.")))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
	}

}
