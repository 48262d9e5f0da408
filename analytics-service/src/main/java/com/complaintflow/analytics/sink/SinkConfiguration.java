package com.complaintflow.analytics.sink;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sink's consumers: raw bytes, read committed, their own group
 * ({@code <application id>.sink}), polls of up to half a second's output (each poll is
 * one bulk write per collection, and a period document written once per poll however many
 * of its buckets changed), offsets committed after each whole poll is written (and, when
 * idle, past the last transaction's commit marker, so its lag returns to 0), and a failed
 * write retried until it succeeds (a rollup is never dead-lettered or skipped: MongoDB
 * down only delays the read model).
 */
@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

	static final String FACTORY = "analyticsSinkContainerFactory";

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> analyticsSinkContainerFactory(KafkaProperties properties) {
		Map<String, Object> config = properties.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.getStreams().getApplicationId() + ".sink");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		// the output topics are transactional: without this the committed offset stays
		// before each partition's last commit marker, so the lag never returns to 0
		factory.getContainerProperties().setFixTxOffsets(true);
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		factory.setCommonErrorHandler(new DefaultErrorHandler((record, ex) -> {
			throw new IllegalStateException("a rollup write is never skipped", ex);
		}, backOff));
		return factory;
	}

}
