package com.complaintflow.support.web;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.support.kafka.PublishFailedException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.apache.kafka.common.errors.RecordTooLargeException;
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
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

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
	void aPublishIsRetriedLaterOnlyWhenTheBrokersTroubleIsPassingNotWhenItRefusedTheRecord() throws Exception {
		CaseClosed event = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-1", "cust-1", 1,
				"case-1", "agent", Outcome.RETAINED);
		PublishFailedException timedOut = new PublishFailedException(event,
				new ExecutionException(new TimeoutException("not acknowledged in time")));
		PublishFailedException tooLarge = new PublishFailedException(event,
				new ExecutionException(new RecordTooLargeException("too large")));

		assertThat(answer(timedOut).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer(tooLarge).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/** The answer of the handler Spring picks for the exception. */
	@SuppressWarnings("unchecked")
	private ResponseEntity<ProblemDetail> answer(Exception ex) throws Exception {
		Method handler = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class).resolveMethod(ex);
		return (ResponseEntity<ProblemDetail>) handler.invoke(this.advice, ex);
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
