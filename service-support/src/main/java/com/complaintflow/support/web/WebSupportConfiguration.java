package com.complaintflow.support.web;

import com.complaintflow.events.time.InstantRange;
import com.complaintflow.events.time.InstantRangeModule;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem-details error handling for every service's HTTP API, from controllers, the
 * error dispatch and Tomcat itself, and the one range of instants every API accepts;
 * registered before Boot's web MVC configuration so that Boot's own problem-details
 * handler backs off.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication
@Import({ ProblemDetailsAdvice.class, ProblemDetailsErrorController.class })
public class WebSupportConfiguration {

	/** Every service checks the {@code Idempotency-Key} header the same way. */
	@Bean
	WebMvcConfigurer idempotencyKeyCheck() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new IdempotencyKeys());
			}

		};
	}

	/**
	 * Instants from outside are held to {@link InstantRange}: request parameters here,
	 * JSON bodies by the module Boot adds to its mapper (a 400 either way).
	 */
	@Bean
	WebMvcConfigurer instantRangeParameters() {
		return new WebMvcConfigurer() {

			@Override
			public void addFormatters(FormatterRegistry registry) {
				registry.addFormatter(new InstantRangeFormatter());
			}

		};
	}

	/** JSON request bodies: Boot registers every Jackson module bean with its mapper. */
	@Bean
	InstantRangeModule instantRangeModule() {
		return new InstantRangeModule();
	}

	/** Tomcat's own error reports as problem details. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrorReports {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsErrorReports() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
				}
			});
		}

	}

}
