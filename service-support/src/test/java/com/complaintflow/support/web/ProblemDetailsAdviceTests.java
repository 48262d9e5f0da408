package com.complaintflow.support.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error no handler names is a 503 to retry when it is the infrastructure's (the driver
 * paused its pool after a failed connection: Spring Data leaves that uncategorized), and
 * a 500 otherwise.
 */
class ProblemDetailsAdviceTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void aPausedConnectionPoolIsUnavailabilityToRetry() {
		ServerAddress server = new ServerAddress("localhost", 27017);
		var paused = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), server),
				new MongoSocketReadException("Prematurely reached end of stream", server));

		ResponseEntity<ProblemDetail> answer = this.advice
			.handleUnexpected(new UncategorizedMongoDbException(paused.getMessage(), paused));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(answer.getBody().getDetail()).contains("Retry later");
	}

	@Test
	void anUnreadableBodyIsExplainedWithoutTheServersClassNames() {
		for (String body : new String[] { "[]", "{\"items\":[{\"count\":\"many\"}]}" }) {
			JacksonException cause = null;
			try {
				JsonMapper.builder().build().readValue(body, Order.class);
			}
			catch (JacksonException ex) {
				cause = ex;
			}
			assertThat(cause).as(body).isNotNull();
			assertThat(cause.getMessage()).as("the message names the class").contains("com.complaintflow");

			String detail = ReadableMessage.of(new HttpMessageNotReadableException("unreadable", cause,
					new MockHttpInputMessage(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

			assertThat(detail).as(body).doesNotContain("com.complaintflow", "java.", "$");
			assertThat(detail).as(body).containsAnyOf("Order", "Item", "int");
		}
	}

	@Test
	void anyOtherUncategorizedDatabaseErrorIsUnexpected() {
		ResponseEntity<ProblemDetail> answer = this.advice
			.handleUnexpected(new UncategorizedMongoDbException("unknown", new IllegalStateException("unknown")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getBody().getDetail()).doesNotContain("unknown");
	}

	/** A request body of the shape the services read. */
	record Order(java.util.List<Item> items) {

		/** One line of it. */
		record Item(int count) {

		}

	}

}
