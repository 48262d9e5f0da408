package com.complaintflow.support.kafka;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.events.kafka.InvalidEventException;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring every service shares: the event serde on Boot's factories, idempotent
 * acks=all producers, the topics with their dead-letter topics, and one error handler:
 * failures of the infrastructure are retried without limit (capped, jittered back-off,
 * the listener paused meanwhile), records that can never succeed are dead-lettered at
 * once, and any other failure gets a few retries before the dead-letter topic; a failed
 * send is logged without its record; and the {@code kafka} health component.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaTopicSettings.class)
public class EventKafkaConfiguration {

	/** Header on a dead-lettered record with the reason in plain words. */
	public static final String DLT_REASON_HEADER = "dlt-reason";

	/**
	 * The largest record a dead-letter topic takes, and so the largest a producer sends:
	 * twice the broker's default of 1 MiB, room for a record of the source topic's
	 * largest size plus the headers of its failure (the reason, the exception and its
	 * stack trace, the original's coordinates). With the default, the copy of a record
	 * near 1 MiB could never be written, and the record was redelivered for ever, holding
	 * up its partition. The event topics keep the broker's limit.
	 */
	public static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

	@Bean
	DefaultKafkaProducerFactoryCustomizer eventProducerFactoryCustomizer() {
		return (factory) -> {
			factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
					true, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
					ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEAD_LETTER_MAX_BYTES));
			factory.setKeySerializer(castSerializer(new StringSerializer()));
			factory.setValueSerializer(castSerializer(new DelegatingByTypeSerializer(Map.of(byte[].class,
					new ByteArraySerializer(), ComplaintEvent.class, new ComplaintEventSerializer()), true)));
		};
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer eventConsumerFactoryCustomizer() {
		return (factory) -> {
			factory.setKeyDeserializer(castDeserializer(new StringDeserializer()));
			factory.setValueDeserializer(
					castDeserializer(new ErrorHandlingDeserializer<>(new ComplaintEventDeserializer())));
		};
	}

	@Bean
	CommonErrorHandler eventErrorHandler(KafkaOperations<Object, Object> template, KafkaTopicSettings settings) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		recoverer.setHeadersFunction((record, ex) -> {
			org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
			headers.add(DLT_REASON_HEADER, DeadLetterReason.of(ex).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return headers;
		});
		ExponentialBackOff bounded = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
		bounded.setMaxInterval(settings.retryMaxInterval().toMillis());
		bounded.setMaxAttempts(settings.retryAttempts());
		ExponentialBackOff unlimited = transientBackOff(settings);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded,
				new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, backOffScheduler())));
		// A failure of the infrastructure is retried until the infrastructure is back;
		// only a record that can never succeed is dead-lettered at once.
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? unlimited : bounded);
		handler.addNotRetryableExceptions(InvalidEventException.class, DeserializationException.class,
				IllegalArgumentException.class, jakarta.validation.ValidationException.class);
		return handler;
	}

	/**
	 * Capped exponential back-off with jitter and no limit of attempts or time, for
	 * failures of the infrastructure.
	 * @param settings the delivery settings
	 * @return the back-off
	 */
	static ExponentialBackOff transientBackOff(KafkaTopicSettings settings) {
		long initial = settings.retryInitialInterval().toMillis();
		ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
		backOff.setMaxInterval(settings.transientRetryMaxInterval().toMillis());
		backOff.setJitter(initial / 2);
		backOff.setMaxAttempts(Long.MAX_VALUE);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return backOff;
	}

	private static TaskScheduler backOffScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("kafka-backoff-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		return scheduler;
	}

	/**
	 * The declared topics, which the Kafka admin creates when they are missing and never
	 * changes when they exist ({@link MissingTopicsOnly}).
	 * @param settings the topic settings
	 * @param kafkaAdmin the admin that creates them once every bean is made
	 * @return the topics
	 */
	@Bean
	KafkaAdmin.NewTopics eventTopics(KafkaTopicSettings settings, KafkaAdmin kafkaAdmin) {
		kafkaAdmin.setCreateOrModifyTopic(
				new MissingTopicsOnly(kafkaAdmin.getConfigurationProperties(), MissingTopicsOnly.TIMEOUT));
		return new KafkaAdmin.NewTopics(declaredTopics(settings).toArray(NewTopic[]::new));
	}

	/** Every declared topic and its dead-letter topic, as the services create them. */
	static List<NewTopic> declaredTopics(KafkaTopicSettings settings) {
		List<NewTopic> topics = new java.util.ArrayList<>();
		for (String topic : Topics.DECLARED) {
			topics.add(TopicBuilder.name(topic)
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor())
				.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
				.build());
			topics.add(TopicBuilder.name(Topics.deadLetter(topic))
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor())
				.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
				.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DEAD_LETTER_MAX_BYTES))
				.build());
		}
		return topics;
	}

	/**
	 * The health component {@code kafka}: a service cut off from the broker reports DOWN
	 * (Boot has no Kafka indicator).
	 */
	@Bean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), KafkaHealthIndicator.TIMEOUT);
	}

	/**
	 * Boot's logging producer listener, without the record: a failed send would otherwise
	 * log its key (the customer id) and the start of its payload.
	 */
	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<Object, Object> template, KafkaTopicSettings settings,
			ComplaintTrace trace) {
		return new EventPublisher(template, settings.sendTimeout(), trace);
	}

	@SuppressWarnings("unchecked")
	private static <T> org.apache.kafka.common.serialization.Serializer<T> castSerializer(
			org.apache.kafka.common.serialization.Serializer<?> serializer) {
		return (org.apache.kafka.common.serialization.Serializer<T>) serializer;
	}

	@SuppressWarnings("unchecked")
	private static <T> org.apache.kafka.common.serialization.Deserializer<T> castDeserializer(
			org.apache.kafka.common.serialization.Deserializer<?> deserializer) {
		return (org.apache.kafka.common.serialization.Deserializer<T>) deserializer;
	}

}
