package com.complaintflow.support.deadletter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * Dead-letter re-drive for every service: the endpoint, and the listener filter that lets
 * only the consumer group a record was re-driven for process it again.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class })
public class DeadLetterConfiguration {

	@Bean
	RecordFilterStrategy<Object, Object> redriveGroupFilter(@Value("${spring.kafka.consumer.group-id:}") String group) {
		return RedriveHeaders.onlyFor(group);
	}

	/** The endpoint, in services that serve HTTP and keep MongoDB (for the audit). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnClass(MongoTemplate.class)
	@Import(DeadLetterController.class)
	static class Endpoint {

		@Bean
		DeadLetterRedrive deadLetterRedrive(KafkaProperties kafka, KafkaTemplate<Object, Object> template,
				MongoTemplate mongo, @Value("${spring.kafka.consumer.group-id:}") String group) {
			return new DeadLetterRedrive(kafka, template, mongo, group);
		}

	}

}
