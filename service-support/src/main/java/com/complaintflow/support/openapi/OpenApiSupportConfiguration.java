package com.complaintflow.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI document shares: the staff HTTP Basic scheme, RFC 9457
 * problem details for every error answer, and the errors every operation can meet.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(OpenAPI.class)
public class OpenApiSupportConfiguration {

	/** The paths of the document and its UI, readable with any account. */
	public static final String[] DOCUMENT_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
			"/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	OpenApiCustomizer sharedApiDocument() {
		return new SharedApiDocument();
	}

}
