package com.complaintflow.support.config;

import java.io.IOException;

import com.complaintflow.support.security.ProfileGuard;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares (Kafka delivery, actuator, observation) below
 * each service's own configuration, plus the development accounts and keys when the
 * {@code local} profile is active; refuses {@code local} next to any other profile.
 */
public class ComplaintFlowDefaults implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ProfileGuard.checkProfiles(environment.getActiveProfiles());
		if (environment.matchesProfiles("local")) {
			load("complaintflow-local.yml").forEach((source) -> environment.getPropertySources().addLast(source));
		}
		load("complaintflow-defaults.yml").forEach((source) -> environment.getPropertySources().addLast(source));
	}

	private static java.util.List<PropertySource<?>> load(String name) {
		try {
			return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + name, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
