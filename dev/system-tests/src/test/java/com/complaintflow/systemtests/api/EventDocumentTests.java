package com.complaintflow.systemtests.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AsyncAPI document of the event topics
 * ({@code complaint-events/src/main/resources/asyncapi.yaml}) is valid for the official
 * AsyncAPI parser, its payloads (the JSON Schema files it references) included.
 * complaint-events' AsyncApiDocumentTests keeps it in step with the code.
 */
class EventDocumentTests {

	@Test
	void asyncApiParserFindsNoError() {
		assumeTrue(ApiTools.available(), "npm is not installed: the AsyncAPI parser cannot run (CI installs it)");
		String document = ApiTools.ROOT.resolve("complaint-events/src/main/resources/asyncapi.yaml").toString();

		ApiTools.Result validation = ApiTools.node("validate-asyncapi.mjs", List.of(document));

		System.out.print(validation.output());
		assertThat(validation.exitCode()).as(validation.output()).isZero();
		assertThat(validation.output()).contains("AsyncAPI parser: 0 errors");
	}

}
