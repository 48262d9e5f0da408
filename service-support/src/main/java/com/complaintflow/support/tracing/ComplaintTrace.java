package com.complaintflow.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Keeps one trace per complaint across the paths where work is stored and done later (an
 * outbox, a timer, a relay): {@link #current()} gives the W3C {@code traceparent} to
 * store with the pending item, and {@link #resume(String, String, Supplier)} runs the
 * later work in a span whose parent is the stored one, so the events it publishes carry
 * the complaint's trace id. A batch listener resumes each record's trace the same way
 * with {@link #resume(ConsumerRecord, String, Supplier)}.
 */
public class ComplaintTrace {

	/** The W3C trace context header, on HTTP requests and Kafka records. */
	public static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	public ComplaintTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The {@code traceparent} of the current span.
	 * @return the W3C trace context, or null outside any trace (or with tracing off)
	 */
	public String current() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Runs work in the stored trace: in a new span named {@code name} whose parent is
	 * {@code traceparent}. Runs it as it is when nothing was stored, the value is not a
	 * trace context, or the current span is already in that trace.
	 * @param <T> the result type
	 * @param traceparent the stored W3C trace context, or null
	 * @param name the span's name
	 * @param work the work
	 * @return the work's result
	 */
	public <T> T resume(String traceparent, String name, Supplier<T> work) {
		String traceId = traceId(traceparent);
		if (traceId == null || traceId.equals(currentTraceId())) {
			return work.get();
		}
		Span span = this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Runs work in the stored trace, see {@link #resume(String, String, Supplier)}.
	 * @param traceparent the stored W3C trace context, or null
	 * @param name the span's name
	 * @param work the work
	 */
	public void resume(String traceparent, String name, Runnable work) {
		resume(traceparent, name, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs work on one record of a batch in the trace of the record's producer (the
	 * container's observation covers single records only).
	 * @param <T> the result type
	 * @param record the record
	 * @param name the span's name
	 * @param work the work
	 * @return the work's result
	 */
	public <T> T resume(ConsumerRecord<?, ?> record, String name, Supplier<T> work) {
		return resume(traceparent(record), name, work);
	}

	/**
	 * The {@code traceparent} header of a record.
	 * @param record the record
	 * @return its trace context, or null
	 */
	public static String traceparent(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(TRACEPARENT);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * The trace id of a W3C {@code traceparent}
	 * ({@code 00-<trace id>-<span id>-<flags>}).
	 * @param traceparent the header value, or null
	 * @return the 32 hex digits of the trace id, or null when the value is not one
	 */
	public static String traceId(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String[] parts = traceparent.split("-");
		boolean valid = parts.length == 4 && parts[1].length() == 32 && parts[2].length() == 16
				&& parts[1].chars().allMatch((c) -> Character.digit(c, 16) >= 0)
				&& !parts[1].equals("00000000000000000000000000000000");
		return valid ? parts[1] : null;
	}

	private String currentTraceId() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context().traceId() : null;
	}

}
