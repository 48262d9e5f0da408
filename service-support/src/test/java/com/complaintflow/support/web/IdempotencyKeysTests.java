package com.complaintflow.support.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Idempotency-Key check before a handler: one well-formed key or none passes; a
 * malformed key, or two keys (which Spring would join into one value the check never
 * saw), is a 400.
 */
class IdempotencyKeysTests {

	private final IdempotencyKeys keys = new IdempotencyKeys();

	@Test
	void oneWellFormedKeyOrNonePasses() {
		assertThat(this.keys.preHandle(request(), new MockHttpServletResponse(), null)).isTrue();
		assertThat(this.keys.preHandle(request("k-1"), new MockHttpServletResponse(), null)).isTrue();
	}

	@Test
	void aMalformedKeyOrTwoKeysAreRefused() {
		for (MockHttpServletRequest request : new MockHttpServletRequest[] { request("key with spaces"),
				request("k-1", "k".repeat(300)), request("k-1", "k-2") }) {
			assertThatExceptionOfType(ProblemException.class)
				.isThrownBy(() -> this.keys.preHandle(request, new MockHttpServletResponse(), null))
				.satisfies((problem) -> assertThat(problem.getProblem().getStatus()).isEqualTo(400));
		}
	}

	private static MockHttpServletRequest request(String... keys) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
		for (String key : keys) {
			request.addHeader(IdempotencyKeys.HEADER, key);
		}
		return request;
	}

}
