package com.complaintflow.localstack;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures this JVM's logging once from {@code local-stack-logback.xml}: one console
 * appender, and the Kafka and MongoDB clients (which log their whole configuration at
 * INFO) at WARN. Services started in this JVM leave logging alone, so that four Spring
 * Boot initialisations do not add four appenders; java.util.logging (Tomcat's) is routed
 * to the same appender, as Spring Boot's own logging initialisation would.
 */
public final class QuietLogging {

	private QuietLogging() {
	}

	/**
	 * Applies the configuration and tells Spring Boot applications in this JVM not to
	 * reconfigure logging.
	 */
	public static synchronized void apply() {
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		try {
			configurator.doConfigure(QuietLogging.class.getResource("/local-stack-logback.xml"));
		}
		catch (JoranException ex) {
			throw new IllegalStateException("Cannot configure logging", ex);
		}
		if (!SLF4JBridgeHandler.isInstalled()) {
			SLF4JBridgeHandler.removeHandlersForRootLogger();
			SLF4JBridgeHandler.install();
		}
	}

}
