package com.complaintflow.intake.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document describes exactly the API the controllers map (the channel
 * API and the shared operations endpoint), with the API-key scheme and the complaint
 * body's required fields.
 */
class OpenApiDocumentTests extends IntakeIntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void documentListsExactlyTheControllersOperations() {
		JsonNode document = IntakeHttp.json(http().get(IntakeHttp.HOTLINE_KEY, "/v3/api-docs").body());

		Set<String> documented = new HashSet<>();
		document.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
		assertThat(documented).isEqualTo(mappedOperations());
	}

	@Test
	void documentDescribesTheApiKeyAndTheComplaintBody() {
		JsonNode document = IntakeHttp.json(http().get(IntakeHttp.HOTLINE_KEY, "/v3/api-docs").body());

		JsonNode scheme = document.path("components").path("securitySchemes").path("channelApiKey");
		assertThat(scheme.path("type").asString()).isEqualTo("apiKey");
		assertThat(scheme.path("name").asString()).isEqualTo("X-Api-Key");
		JsonNode post = document.path("paths").path("/api/v1/complaints").path("post");
		assertThat(post.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).endsWith("/ComplaintRequest");
		assertThat(post.path("responses").propertyNames()).contains("202", "400", "401", "413", "415", "422", "503");
		assertThat(post.at("/responses/202/headers").propertyNames()).contains("Location", "Idempotent-Replayed");
		assertThat(post.at("/responses/202/content/application~1json/schema/$ref").asString())
			.endsWith("/AcceptedComplaint");
		assertThat(post.at("/responses/503/headers").propertyNames()).contains("Retry-After");
		JsonNode body = document.path("components").path("schemas").path("ComplaintRequest");
		assertThat(body.path("required").valueStream().map(JsonNode::asString)).contains("customer", "location",
				"description");
	}

	@Test
	void browsableUiIsServed() {
		assertThat(http().get(IntakeHttp.HOTLINE_KEY, "/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	private Set<String> mappedOperations() {
		Set<String> operations = new HashSet<>();
		this.mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("com.complaintflow")
					&& info.getPatternValues().stream().allMatch((path) -> path.startsWith("/api/"))) {
				info.getPatternValues()
					.forEach((path) -> info.getMethodsCondition()
						.getMethods()
						.forEach((method) -> operations.add(method.name() + " " + path)));
			}
		});
		return operations;
	}

}
