package com.complaintflow.support.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;

/**
 * Completes a service's generated document: declares the staff scheme (the default for
 * operations that name none), describes the problem-detail body once and points every
 * error answer at it, and adds the errors every operation can answer (400 when it takes
 * input, 401, 403 for staff operations, 503 when a backing service is down).
 */
class SharedApiDocument implements OpenApiCustomizer {

	/** The staff accounts' scheme. */
	static final String STAFF_SCHEME = "staffBasic";

	static final String PROBLEM_SCHEMA = "ProblemDetail";

	static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

	private static final Map<String, String> STANDARD_ERRORS = Map.of("400",
			"Invalid parameters, headers or body; field errors under 'errors'", "401", "No or wrong credentials", "403",
			"The account lacks the role this operation needs", "503",
			"A backing service (database or broker) is unavailable, so the request may not have taken effect. Retry after Retry-After, with the same Idempotency-Key");

	@Override
	public void customise(OpenAPI document) {
		Components components = (document.getComponents() != null) ? document.getComponents() : new Components();
		document.setComponents(components);
		if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(STAFF_SCHEME)) {
			components.addSecuritySchemes(STAFF_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("basic")
				.description("A staff account (roles AGENT, SUPERVISOR, OPERATIONS, METRICS); see docs/DEVELOPING.md"));
		}
		if (document.getSecurity() == null || document.getSecurity().isEmpty()) {
			document.addSecurityItem(new SecurityRequirement().addList(STAFF_SCHEME));
		}
		components.addSchemas(PROBLEM_SCHEMA, problemSchema());
		Info info = (document.getInfo() != null) ? document.getInfo() : new Info();
		if (info.getContact() == null) {
			info.setContact(new Contact().name("complaint-flow maintainers"));
		}
		document.setInfo(info);
		if (document.getPaths() != null) {
			document.getPaths()
				.values()
				.forEach((path) -> path.readOperations().forEach((operation) -> complete(document, operation)));
		}
	}

	private static void complete(OpenAPI document, Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		boolean takesInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		List<SecurityRequirement> security = (operation.getSecurity() != null) ? operation.getSecurity()
				: document.getSecurity();
		boolean staff = security.stream().anyMatch((requirement) -> requirement.containsKey(STAFF_SCHEME));
		if (takesInput) {
			responses.putIfAbsent("400", error("400"));
		}
		responses.putIfAbsent("401", error("401"));
		if (staff) {
			responses.putIfAbsent("403", error("403"));
		}
		responses.putIfAbsent("503", error("503"));
		ApiResponse unavailable = responses.get("503");
		if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
			unavailable.addHeaderObject(HttpHeaders.RETRY_AFTER,
					new Header()
						.description("Seconds to wait before retrying (with the same Idempotency-Key, if one was sent)")
						.schema(new IntegerSchema()));
		}
		responses.forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				response.setContent(problemContent());
			}
		});
	}

	private static ApiResponse error(String code) {
		return new ApiResponse().description(STANDARD_ERRORS.get(code));
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_MEDIA_TYPE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
	}

	/** RFC 9457, with the field errors this project adds. */
	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().description("The field"))
			.addProperty("message", new StringSchema().description("What is wrong with it"));
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().format("uri").description("The problem type; about:blank"))
			.addProperty("title", new StringSchema().description("A short summary of the problem"))
			.addProperty("status",
					new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
						.maximum(java.math.BigDecimal.valueOf(599))
						.description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong, for this request"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
			.addProperty("errors",
					new ArraySchema().items(fieldError).description("Field errors of an invalid request, if any"));
	}

}
