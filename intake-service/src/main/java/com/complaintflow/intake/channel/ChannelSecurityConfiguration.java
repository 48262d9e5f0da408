package com.complaintflow.intake.channel;

import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Intake's filter chain: channels call {@code /api/**} with an API key, actuator, the
 * OpenAPI document and its UI follow the shared staff rules.
 */
@Configuration(proxyBeanMethods = false)
class ChannelSecurityConfiguration {

	@Bean
	SecurityFilterChain intakeSecurityFilterChain(HttpSecurity http, ChannelKeys keys) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ApiKeyFilter.API_PATH + "**")
				.hasRole(ChannelAuthentication.ROLE)
				.anyRequest()
				.authenticated())
			.build();
	}

}
