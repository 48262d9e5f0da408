package com.complaintflow.systemtests.logging;

import java.util.Arrays;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.complaintflow.localstack.QuietLogging;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded stack's logging: Tomcat's java.util.logging goes through the one console
 * appender, at the levels it sets, instead of a second format of its own on the console.
 */
class QuietLoggingTests {

	@Test
	void javaUtilLoggingGoesThroughTheStacksAppenderAtItsLevels() {
		// applied twice, as LocalStack.main and then RunningServices.start do: one
		// handler still
		QuietLogging.apply();
		QuietLogging.apply();
		Handler[] handlers = LogManager.getLogManager().getLogger("").getHandlers();
		assertThat(handlers).hasSize(1);
		assertThat(Arrays.stream(handlers)).allMatch(SLF4JBridgeHandler.class::isInstance);

		ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		root.addAppender(captured);
		try {
			Logger tomcat = Logger.getLogger("org.apache.catalina.core.StandardService");
			tomcat.info("Starting service [Tomcat]");
			tomcat.warning("a warning of Tomcat's");
			Logger.getLogger("com.example.SomeLibrary").info("a library's news");

			// the shared stack may be running in this JVM and logging from its own
			// threads
			assertThat(captured.list.stream()
				.filter((event) -> Set.of(tomcat.getName(), "com.example.SomeLibrary").contains(event.getLoggerName()))
				.map(ILoggingEvent::getFormattedMessage)).containsExactly("a warning of Tomcat's", "a library's news");
			assertThat(tomcat.isLoggable(Level.INFO)).isFalse();
		}
		finally {
			root.detachAppender(captured);
		}
	}

}
