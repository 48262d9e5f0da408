package com.complaintflow.systemtests;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sees the spans the services of this JVM end, as {@code <service>: <span name>} per
 * trace id, so a test can check which work joined a complaint's trace (work that writes
 * no record, such as a read-model write, shows only there). A service takes part when
 * started with {@link #PROPERTY} (this class as one more source of its context): its
 * tracer provider gets one more span processor next to the exporting one.
 */
@Configuration(proxyBeanMethods = false)
public class CapturedSpans {

	/** The service property that adds this configuration. */
	static final String PROPERTY = "spring.main.sources=" + CapturedSpans.class.getName();

	private static final Map<String, Set<String>> NAMES_BY_TRACE = new ConcurrentHashMap<>();

	/**
	 * The spans ended so far in a trace.
	 * @param traceId the trace id (32 hex digits)
	 * @return {@code <service>: <span name>} of each, without repeats
	 */
	static Set<String> of(String traceId) {
		return Set.copyOf(NAMES_BY_TRACE.getOrDefault(traceId, Set.of()));
	}

	@Bean
	SpanProcessor spanRecorder(Environment environment) {
		return new Recorder(environment.getProperty("spring.application.name", "?"));
	}

	/** Records each ended span's service and name under its trace id. */
	private record Recorder(String service) implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			NAMES_BY_TRACE.computeIfAbsent(span.getSpanContext().getTraceId(), (id) -> ConcurrentHashMap.newKeySet())
				.add(this.service + ": " + span.getName());
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
