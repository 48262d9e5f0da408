package com.complaintflow.followup.config;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the case API: agents and supervisors act on cases, operations may read
 * them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain followupSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
						.requestMatchers("/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
						.requestMatchers("/api/v1/notifications", "/api/v1/notifications/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
						.requestMatchers("/api/v1/operations/erasures", "/api/v1/operations/erasures/**")
						.hasRole(Roles.OPERATIONS)
						.anyRequest()
						.denyAll())
			.build();
	}

}
