package com.complaintflow.systemtests.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, one connection per request: it sends
 * exactly the bytes it is given (any method, any header, invalid UTF-8, no body length
 * checks) and reads the answer with a hard timeout, which a hostile-input suite needs and
 * a well-behaved client library does not allow.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private static final int MAX_BODY = 1 << 20;

	private RawHttp() {
	}

	/** An answer: status, headers (lower-case names) and body. */
	record Answer(int status, Map<String, String> headers, String body) {

		String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

	}

	static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body)
			throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			head.append("Host: localhost:").append(port).append("\r\n");
			head.append("Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			try {
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer (413, 401) and close before reading a large body:
				// read what it said
			}
			return read(socket.getInputStream());
		}
	}

	private static Answer read(InputStream in) throws IOException {
		String statusLine = line(in);
		if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
			throw new IOException("No HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		}
		if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
			// a live stream does not end: its status and headers are the answer
			return new Answer(status, headers, "");
		}
		byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in) : rest(in, headers);
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] rest(InputStream in, Map<String, String> headers) throws IOException {
		String length = headers.get("content-length");
		if (length != null) {
			return in.readNBytes(Math.min(Integer.parseInt(length), MAX_BODY));
		}
		return in.readNBytes(MAX_BODY);
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (body.size() < MAX_BODY) {
			String size = line(in);
			if (size == null) {
				break;
			}
			int length = Integer.parseInt(size.split(";")[0].trim(), 16);
			if (length == 0) {
				break;
			}
			body.write(in.readNBytes(length));
			line(in);
		}
		return body.toByteArray();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return (b == -1 && line.size() == 0) ? null : line.toString(StandardCharsets.UTF_8);
	}

}
