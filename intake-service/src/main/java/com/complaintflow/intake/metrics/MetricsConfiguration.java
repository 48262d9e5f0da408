package com.complaintflow.intake.metrics;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the rejection counter outside the security filter chain, so it also sees
 * requests refused for a missing API key.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	FilterRegistrationBean<RejectionMetricsFilter> rejectionMetricsFilter(IntakeMetrics metrics) {
		FilterRegistrationBean<RejectionMetricsFilter> registration = new FilterRegistrationBean<>(
				new RejectionMetricsFilter(metrics));
		registration.addUrlPatterns(RejectionMetricsFilter.SUBMIT_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
