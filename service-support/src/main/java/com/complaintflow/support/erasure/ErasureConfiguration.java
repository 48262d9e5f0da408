package com.complaintflow.support.erasure;

import com.complaintflow.support.kafka.EventKafkaConfiguration;
import com.complaintflow.support.kafka.EventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Erasure of a customer's personal data in every service that keeps some
 * ({@code complaintflow.erasure.enabled: true}): one listener on
 * {@code complaints.erasures} per service, running the service's own
 * {@link CustomerDataEraser}s and then {@link CustomerDocuments}.
 */
@AutoConfiguration(after = { EventKafkaConfiguration.class, DataMongoAutoConfiguration.class })
@ConditionalOnProperty(name = "complaintflow.erasure.enabled", havingValue = "true")
public class ErasureConfiguration {

	@Bean
	CustomerDocuments customerDocuments(MongoTemplate mongo) {
		return new CustomerDocuments(mongo);
	}

	@Bean
	ErasureListener erasureListener(@Value("${spring.application.name}") String service,
			ObjectProvider<CustomerDataEraser> erasers, ObjectProvider<ErasureReports> reports,
			EventPublisher publisher) {
		return new ErasureListener(service, erasers.orderedStream().toList(), reports.orderedStream().toList(),
				publisher);
	}

}
