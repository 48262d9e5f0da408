package com.complaintflow.intake.metrics;

import java.time.Duration;

import com.complaintflow.events.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Intake's own meters: complaints accepted, replayed and rejected per channel and reason,
 * and the time Kafka takes to acknowledge. Labels are bounded: three channels, a fixed
 * set of reasons, never customer data.
 */
@Component
public class IntakeMetrics {

	/**
	 * Request attribute naming a rejection reason more precisely than the status code.
	 */
	public static final String REASON_ATTRIBUTE = IntakeMetrics.class.getName() + ".reason";

	/** Channel label of a request without a valid API key. */
	static final String UNKNOWN_CHANNEL = "unknown";

	private final MeterRegistry registry;

	private final Timer publishTimer;

	IntakeMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.publishTimer = Timer.builder("complaints.intake.publish")
			.description("Time until Kafka acknowledged a ComplaintReceived (acks=all)")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofSeconds(5))
			.register(registry);
	}

	/** A new complaint was accepted (202 after the Kafka ack). */
	public void accepted(Channel channel) {
		Counter.builder("complaints.intake.accepted")
			.description("Complaints accepted (Kafka acknowledged)")
			.tag("channel", channel.name())
			.register(this.registry)
			.increment();
	}

	/** A retried request was answered with its earlier complaint. */
	public void replayed(Channel channel) {
		Counter.builder("complaints.intake.replayed")
			.description("Idempotent retries answered with the complaint already accepted")
			.tag("channel", channel.name())
			.register(this.registry)
			.increment();
	}

	void rejected(String channel, String reason) {
		Counter.builder("complaints.intake.rejected")
			.description("Complaint submissions rejected, by reason")
			.tag("channel", channel)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** The timer of Kafka acknowledgements. */
	public Timer publishTimer() {
		return this.publishTimer;
	}

}
