package com.complaintflow.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@link ComplaintTrace} every service uses on its delayed paths; with tracing off
 * (no tracer) it stores nothing and resumes nothing.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
public class TracingConfiguration {

	@Bean
	ComplaintTrace complaintTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new ComplaintTrace(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
