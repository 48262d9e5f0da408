package com.complaintflow.followup.console;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: the browser's (English or Chinese) until the staff member picks
 * one with {@code ?lang=}, which a cookie then remembers; and the end of each session
 * published, so signing out ends the session's live streams in every tab.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("console-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookiePath("/console");
		resolver.setDefaultLocaleFunction((request) -> {
			Locale browser = request.getLocale();
			return (browser != null && Locale.CHINESE.getLanguage().equals(browser.getLanguage())) ? Locale.CHINESE
					: Locale.ENGLISH;
		});
		return resolver;
	}

	/**
	 * Publishes {@code HttpSessionDestroyedEvent}, which {@link LiveQueue} listens to.
	 */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).addPathPatterns("/console", "/console/**");
	}

}
