package com.complaintflow.support.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB client timeouts for every service, and a health indicator that works against
 * the embedded wire server too (Boot's uses {@code hello}).
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@EnableConfigurationProperties(MongoTimeoutSettings.class)
public class MongoSupportConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeoutSettings timeouts) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(timeouts.serverSelection().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
						.readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS));
	}

	@Bean(name = "mongoHealthIndicator")
	MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
		return new MongoPingHealthIndicator(mongoTemplate);
	}

}
