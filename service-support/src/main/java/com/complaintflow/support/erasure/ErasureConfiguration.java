package com.complaintflow.support.erasure;

import java.time.Clock;

import com.complaintflow.support.deadletter.DeadLetterConfiguration;
import com.complaintflow.support.kafka.EventKafkaConfiguration;
import com.complaintflow.support.kafka.EventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * Erasure of a customer's personal data in every service that keeps some
 * ({@code complaintflow.erasure.enabled: true}): one listener on
 * {@code complaints.erasures} per service, recording the erasure
 * ({@link ErasedCustomers}) and running the service's own {@link CustomerDataEraser}s and
 * then {@link CustomerDocuments} ({@link CustomerErasure}); its listeners skip the erased
 * customers' earlier events, and a batch listener erases again what a poll wrote while an
 * erasure ran.
 */
@AutoConfiguration(
		after = { EventKafkaConfiguration.class, DataMongoAutoConfiguration.class, DeadLetterConfiguration.class })
@ConditionalOnProperty(name = "complaintflow.erasure.enabled", havingValue = "true")
public class ErasureConfiguration {

	@Bean
	CustomerDocuments customerDocuments(MongoTemplate mongo) {
		return new CustomerDocuments(mongo);
	}

	@Bean
	ErasedCustomers erasedCustomers(MongoTemplate mongo, ObjectProvider<Clock> clock) {
		return new ErasedCustomers(mongo, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * The listeners' filter: the re-drive filter, and events of erased customers from
	 * before their erasure skipped.
	 */
	@Bean
	@Primary
	RecordFilterStrategy<Object, Object> erasedCustomerFilter(
			@Qualifier("redriveGroupFilter") RecordFilterStrategy<Object, Object> redrive, ErasedCustomers erased) {
		return new ErasedCustomerFilter(redrive, erased);
	}

	/**
	 * The service's erasers in order, for the erasure listener and the batch listeners.
	 */
	@Bean
	CustomerErasure customerErasure(ObjectProvider<CustomerDataEraser> erasers, ErasedCustomers erased) {
		return new CustomerErasure(erasers.orderedStream().toList(), erased);
	}

	@Bean
	ErasureListener erasureListener(@Value("${spring.application.name}") String service, CustomerErasure erasure,
			ObjectProvider<ErasureReports> reports, EventPublisher publisher) {
		return new ErasureListener(service, erasure, reports.orderedStream().toList(), publisher);
	}

}
