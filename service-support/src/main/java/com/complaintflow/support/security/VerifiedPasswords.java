package com.complaintflow.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff password check: remembers for {@link #REMEMBERED} the passwords that matched,
 * so a client that sends HTTP Basic with every request pays the slow hash (PBKDF2, about
 * a tenth of a second of CPU) once and not on every request; and runs one slow check at a
 * time, so a flood of wrong passwords takes at most one core (a check that waited
 * {@link #MAX_WAIT} for its turn fails). It keeps a keyed digest of each matched password
 * with its hash, never the password.
 */
final class VerifiedPasswords implements PasswordEncoder {

	static final Duration REMEMBERED = Duration.ofMinutes(5);

	static final int MAX_REMEMBERED = 10_000;

	static final Duration MAX_WAIT = Duration.ofSeconds(1);

	private final PasswordEncoder slow;

	private final InstantSource clock;

	private final SecretKeySpec key;

	private final Map<String, Instant> matched = new ConcurrentHashMap<>();

	private final Semaphore slowChecks = new Semaphore(1, true);

	VerifiedPasswords(PasswordEncoder slow, InstantSource clock) {
		this.slow = slow;
		this.clock = clock;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.key = new SecretKeySpec(random, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.slow.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.slow.matches(rawPassword, encodedPassword);
		}
		String digest = digest(rawPassword, encodedPassword);
		Instant now = this.clock.instant();
		Instant until = this.matched.get(digest);
		if (until != null && now.isBefore(until)) {
			return true;
		}
		if (!takeTurn()) {
			return false;
		}
		boolean matches;
		try {
			matches = this.slow.matches(rawPassword, encodedPassword);
		}
		finally {
			this.slowChecks.release();
		}
		if (matches) {
			// only matched passwords are kept, a few per account: a guard
			if (this.matched.size() >= MAX_REMEMBERED) {
				this.matched.clear();
			}
			this.matched.put(digest, now.plus(REMEMBERED));
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return false;
	}

	private boolean takeTurn() {
		try {
			return this.slowChecks.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String digest(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
