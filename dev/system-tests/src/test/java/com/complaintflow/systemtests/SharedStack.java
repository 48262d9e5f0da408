package com.complaintflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.complaintflow.localstack.LocalStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The embedded default exactly as the README's run command starts it (broker as a child
 * JVM, MongoDB wire server with H2 files, four services; the tests add a quicker first
 * warning and {@link CapturedSpans}), started once per test JVM and shared by every test
 * class that declares it, so the suites over the running system pay for one start. Test
 * and lifecycle methods receive it as a {@link LocalStack} parameter, or as
 * {@link Running} to see its data directory too.
 */
public final class SharedStack implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == LocalStack.class || type == Running.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Running running = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class);
		return (parameter.getParameter().getType() == Running.class) ? running : running.stack();
	}

	/**
	 * The running stack and where it keeps its broker log and database files; closed by
	 * JUnit when the test run ends.
	 *
	 * @param stack the stack
	 * @param data its data directory
	 */
	record Running(LocalStack stack, Path data) implements AutoCloseable {

		/**
		 * The first warning of a first response falls a second or a few after triage (the
		 * bundled policy warns at half the window), so the complaints the tests post
		 * raise a reminder while they wait ({@code OneTracePerComplaint}).
		 */
		static final String FIRST_WARNING_IN_SECONDS = "complaintflow.followup.milestones.policies.FIRST_RESPONSE.warn-at=0.0001,0.5,0.8";

		static Running start() {
			try {
				Path data = Files.createTempDirectory("complaint-flow-stack");
				return new Running(LocalStack.start(data, freePortPair(), 0, true,
						List.of(FIRST_WARNING_IN_SECONDS, CapturedSpans.PROPERTY)), data);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.stack.close();
			try (var files = Files.walk(this.data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}

	}

	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			try (ServerSocket next = new ServerSocket(port + 1)) {
				return port;
			}
			catch (IOException ex) {
				// the controller port is taken; try another pair
			}
		}
		throw new IOException("No two adjacent free ports found");
	}

}
