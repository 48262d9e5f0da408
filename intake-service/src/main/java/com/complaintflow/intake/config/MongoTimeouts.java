package com.complaintflow.intake.config;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short MongoDB timeouts, so a database outage becomes a prompt 503 for the channel
 * instead of a request hanging for the driver's default 30 seconds.
 */
@Configuration(proxyBeanMethods = false)
class MongoTimeouts {

	@Bean
	MongoClientSettingsBuilderCustomizer intakeMongoTimeouts() {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS));
	}

}
