package com.complaintflow.intake.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One HTTP/1.1 keep-alive connection that posts complaints and reads the answers: a lean
 * blocking load client, so that on two cores the load generator does not cost more CPU
 * per request than the service it measures.
 */
final class KeepAliveClient implements Closeable {

	private final String host;

	private final int port;

	private final String apiKey;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	KeepAliveClient(String host, int port, String apiKey) {
		this.host = host;
		this.port = port;
		this.apiKey = apiKey;
	}

	/**
	 * Posts one complaint with a fresh Idempotency-Key.
	 * @param body the JSON body
	 * @return the HTTP status, or -1 when the connection failed
	 */
	int post(byte[] body) {
		try {
			connect();
			String head = "POST /api/v1/complaints HTTP/1.1\r\nHost: " + this.host + "\r\nX-Api-Key: " + this.apiKey
					+ "\r\nIdempotency-Key: " + UUID.randomUUID()
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(body);
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			return -1;
		}
	}

	private void connect() throws IOException {
		if (this.socket == null) {
			this.socket = new Socket(this.host, this.port);
			this.socket.setTcpNoDelay(true);
			this.out = new BufferedOutputStream(this.socket.getOutputStream(), 16 * 1024);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		}
	}

	private int readResponse() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = 0;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(java.util.Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
				skip(size);
				line();
			}
			line();
		}
		else {
			skip(length);
		}
		if (close) {
			close();
		}
		return code;
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new EOFException();
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void skip(long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException();
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Closing a broken connection; the next post opens a new one.
			}
			this.socket = null;
		}
	}

}
