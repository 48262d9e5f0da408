package com.complaintflow.support.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's MongoDB health indicator with one that works against the embedded wire
 * server too.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
public class MongoSupportConfiguration {

	@Bean(name = "mongoHealthIndicator")
	MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
		return new MongoPingHealthIndicator(mongoTemplate);
	}

}
