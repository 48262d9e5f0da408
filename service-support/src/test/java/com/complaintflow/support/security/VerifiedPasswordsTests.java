package com.complaintflow.support.security;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff password check: a matched password is hashed again only after a few minutes
 * or with another stored hash, a wrong one every time; one slow check runs at a time, and
 * a check that waits too long for its turn fails; an unknown username costs the same
 * PBKDF2 as a known one.
 */
class VerifiedPasswordsTests {

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));

	final CountingHashes hashes = new CountingHashes(StaffSecurityConfiguration.staffPasswordHashes());

	final VerifiedPasswords passwords = new VerifiedPasswords(this.hashes, this.now::get);

	@Test
	void aMatchedPasswordIsHashedOnceForAFewMinutes() {
		// a quick stored form: what is counted is the checks, not their cost
		String stored = "{noop}s3cret";

		assertThat(this.passwords.matches("s3cret", stored)).isTrue();
		assertThat(this.passwords.matches("s3cret", stored)).isTrue();
		assertThat(this.hashes.checks.get()).isEqualTo(1);

		this.now.updateAndGet((instant) -> instant.plus(VerifiedPasswords.REMEMBERED));
		assertThat(this.passwords.matches("s3cret", stored)).isTrue();
		assertThat(this.hashes.checks.get()).isEqualTo(2);
	}

	@Test
	void aWrongPasswordOrAnotherStoredHashIsHashedEveryTime() {
		String stored = "{noop}s3cret";
		this.passwords.matches("s3cret", stored);

		assertThat(this.passwords.matches("guess", stored)).isFalse();
		assertThat(this.passwords.matches("guess", stored)).isFalse();
		// the account's password was changed: the old one no longer opens it
		String changed = "{noop}n3w";
		assertThat(this.passwords.matches("s3cret", changed)).isFalse();

		assertThat(this.hashes.checks.get()).isEqualTo(4);
	}

	@Test
	void aCheckThatWaitsTooLongForItsTurnFails() throws Exception {
		BlockingHashes blocking = new BlockingHashes();
		VerifiedPasswords slow = new VerifiedPasswords(blocking, this.now::get);
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> slow.matches("a", "{noop}a"));
		assertThat(blocking.entered.await(5, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		boolean second = slow.matches("b", "{noop}b");
		long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		blocking.release.countDown();

		assertThat(second).isFalse();
		assertThat(waitedMillis).isGreaterThanOrEqualTo(VerifiedPasswords.MAX_WAIT.toMillis() - 50);
		assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(slow.matches("b", "{noop}b")).isTrue();
	}

	@Test
	void newHashesAreThePbkdf2ThatOpsMakeEnvWrites() {
		String stored = StaffSecurityConfiguration.staffPasswordHashes().encode("s3cret");

		assertThat(stored).startsWith("{" + StaffSecurityConfiguration.PBKDF2 + "}");
		assertThat(StaffSecurityConfiguration.staffPasswordHashes()
			.matches("agent-dev", "{pbkdf2@SpringSecurity_v5_8}" + "00".repeat(16) + pbkdf2Of("agent-dev"))).isTrue();
	}

	/** What ops/make-env.sh writes for a zero salt, computed with the JDK. */
	private static String pbkdf2Of(String password) {
		try {
			javax.crypto.SecretKeyFactory factory = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
			byte[] hash = factory
				.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), new byte[16], 310_000, 256))
				.getEncoded();
			return java.util.HexFormat.of().formatHex(hash);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The real hashes, counting their checks. */
	static final class CountingHashes implements PasswordEncoder {

		private final PasswordEncoder hashes;

		final AtomicInteger checks = new AtomicInteger();

		CountingHashes(PasswordEncoder hashes) {
			this.hashes = hashes;
		}

		@Override
		public String encode(CharSequence raw) {
			return this.hashes.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.checks.incrementAndGet();
			return this.hashes.matches(raw, encoded);
		}

	}

	/** A check that takes until it is released, as a slow hash under load does. */
	static final class BlockingHashes implements PasswordEncoder {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public String encode(CharSequence raw) {
			return "{noop}" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.entered.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return encoded.equals("{noop}" + raw);
		}

	}

}
