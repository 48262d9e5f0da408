package com.complaintflow.analytics.ingest;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * A batch listener container built like Boot's (same consumer factory, shared error
 * handler with dead-lettering, observation) that commits the offsets of a batch after the
 * whole batch is durable.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	static final String BATCH_FACTORY = "analyticsBatchListenerContainerFactory";

	@Bean(BATCH_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> analyticsBatchListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<Object, Object> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumerFactory);
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		return factory;
	}

}
