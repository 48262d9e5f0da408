package com.complaintflow.systemtests.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.Topics;
import com.complaintflow.localstack.ProcessStack;
import com.complaintflow.localstack.QuietLogging;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.audit.TopicAudit;
import com.complaintflow.systemtests.load.ComplaintPayloads;
import com.complaintflow.systemtests.load.ComplaintTexts;
import com.complaintflow.systemtests.load.IntakeClient;

/**
 * Fault injection: posts complaints through the multi-process stack while each service,
 * and then the broker, is killed with SIGKILL and restarted (each at its share of the
 * load, without waiting for the earlier ones to be back); then checks from the topics and
 * databases that every complaint that got a 202 has exactly one triage decision and one
 * case, is counted exactly once in analytics, and that every reminder was emitted once.
 * Or the database and the broker are stalled instead (SIGSTOP), or both, one load after
 * the other. Prints the counts; exits non-zero on any loss or duplicate.
 */
public final class FaultInjection {

	private static final int KAFKA_PORT = 19092;

	private static final int MONGO_PORT = 37017;

	private final int complaints;

	private final int rate;

	private final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private final AtomicLong retries = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final DeadlineMode deadlines;

	private final Stalls stalls;

	private FaultInjection(int complaints, int rate, DeadlineMode deadlines, Stalls stalls) {
		this.deadlines = deadlines;
		this.stalls = stalls;
		this.complaints = complaints;
		this.rate = rate;
	}

	/**
	 * Runs the scenario.
	 * @param args
	 * {@code [complaints [rate-per-second [--reminder-slice|--policy-deadlines] [--stall|--then-stall DB_SECONDS BROKER_SECONDS]]]},
	 * default 20000 at 100/s: slow enough that the load runs while every process is
	 * killed and restarted. By default every first response is due in seconds; with
	 * {@code --reminder-slice} only the network faults' engineer contact is (a slice of
	 * the complaints, so large runs have no reminder flood); with
	 * {@code --policy-deadlines} triage keeps its own (hour-long) deadlines, so no
	 * reminder fires during the run and only complaints, decisions, cases and counts are
	 * checked. With {@code --stall} the faults are stalls instead of kills: the database
	 * is stopped with SIGSTOP for {@code DB_SECONDS} and later the broker for
	 * {@code BROKER_SECONDS}, each then continued with SIGCONT. With {@code --then-stall}
	 * the kills come first and, once their load is checked, as many complaints again are
	 * sent on the same stack with the stalls (one start of the stack for both; CI runs it
	 * so), and everything is checked again.
	 * @throws Exception on set-up failure
	 */
	public static void main(String[] args) throws Exception {
		QuietLogging.apply();
		int complaints = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int rate = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		DeadlineMode deadlines = DeadlineMode.fromArguments(List.of(args));
		Stalls stalls = Stalls.fromArguments(List.of(args));
		boolean passed = new FaultInjection(complaints, rate, deadlines, stalls).run();
		System.exit(passed ? 0 : 1);
	}

	private boolean run() throws Exception {
		Path data = Files.createTempDirectory("complaint-flow-faults");
		System.out.printf("Fault injection: %d complaints at %d/s, %s deadlines, %s; data and logs in %s%n",
				this.complaints, this.rate, this.deadlines.name().toLowerCase(java.util.Locale.ROOT),
				String.join(", then ", rounds().stream().map(this::describe).toList()), data);
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, service.defaultPort() + 10_000);
		}
		ComplaintTexts texts = ComplaintTexts.load();
		List<String> properties = this.deadlines.triageProperties(data);
		boolean passed = true;
		try (ProcessStack stack = ProcessStack.start(data, KAFKA_PORT, MONGO_PORT, ports, properties,
				ProcessStack.FAST_START)) {
			List<Round> rounds = rounds();
			for (int r = 0; r < rounds.size() && passed; r++) {
				if (rounds.size() > 1) {
					System.out.printf("Round %d of %d: %s%n", r + 1, rounds.size(), describe(rounds.get(r)));
				}
				passed = runRound(stack, texts, rounds.get(r));
			}
			System.out.println(passed ? "FAULT INJECTION PASSED" : "FAULT INJECTION FAILED");
		}
		if (passed) {
			// a failed run keeps the broker's and database's data to look into
			ProcessStack.discardStores(data);
		}
		return passed;
	}

	/**
	 * The rounds of the run: kills, stalls, or kills and then stalls on the same stack
	 * ({@code --then-stall}).
	 */
	private List<Round> rounds() {
		if (this.stalls == null) {
			return List.of(Round.KILLS);
		}
		return this.stalls.afterKills() ? List.of(Round.KILLS, Round.STALLS) : List.of(Round.STALLS);
	}

	/**
	 * Sends this run's complaints with the round's faults, then checks everything
	 * accepted so far (this round's complaints and the earlier rounds').
	 */
	private boolean runRound(ProcessStack stack, ComplaintTexts texts, Round round) throws InterruptedException {
		long started = System.nanoTime();
		int before = this.accepted.size();
		long retriedBefore = this.retries.get();
		send(stack, texts, faults(stack, round), before);
		System.out.printf("Sent in %.1f s: %d accepted, %d retried requests, %d rejected%n",
				(System.nanoTime() - started) / 1e9, this.accepted.size() - before, this.retries.get() - retriedBefore,
				this.rejected.get());
		List<Check> checks = new Verification(stack, this.accepted, this.deadlines)
			.awaitAndCheck(Duration.ofMinutes(10).plusMillis(30L * this.accepted.size()));
		checks.forEach((check) -> System.out.println(check));
		return checks.stream().allMatch(Check::passed) && this.rejected.get() == 0;
	}

	private String describe(Round round) {
		return (round == Round.KILLS) ? "kill -9 of every process" : "stalls (database "
				+ this.stalls.database().toSeconds() + " s, broker " + this.stalls.broker().toSeconds() + " s)";
	}

	private List<Fault> faults(ProcessStack stack, Round round) {
		return switch (round) {
			case STALLS -> List.of(new Fault(0.25, "stall database", () -> stack.stallDatabase(this.stalls.database())),
					new Fault(0.60, "stall broker", () -> stack.stallBroker(this.stalls.broker())));
			case KILLS -> List.of(new Fault(0.15, "kill -9 analytics", () -> stack.crashAndRestart(Service.ANALYTICS)),
					new Fault(0.30, "kill -9 followup", () -> stack.crashAndRestart(Service.FOLLOWUP)),
					new Fault(0.45, "kill -9 triage", () -> stack.crashAndRestart(Service.TRIAGE)),
					new Fault(0.60, "kill -9 intake", () -> stack.crashAndRestart(Service.INTAKE)),
					new Fault(0.75, "kill -9 broker", stack::crashAndRestartBroker));
		};
	}

	/**
	 * Posts this run's complaints while injecting the faults, each at its share of them.
	 * @param acceptedBefore the complaints accepted by earlier rounds
	 */
	private void send(ProcessStack stack, ComplaintTexts texts, List<Fault> faults, int acceptedBefore)
			throws InterruptedException {
		ComplaintPayloads payloads = new ComplaintPayloads(texts, Math.max(100, this.complaints / 4),
				UUID.randomUUID().toString().substring(0, 8));
		IntakeClient client = new IntakeClient(stack.service(Service.INTAKE).url());
		AtomicLong next = new AtomicLong();
		long start = System.nanoTime();
		ExecutorService senders = Executors.newFixedThreadPool(32);
		for (int worker = 0; worker < 32; worker++) {
			senders.submit(() -> {
				for (long i = next.getAndIncrement(); i < this.complaints; i = next.getAndIncrement()) {
					pace(start, i);
					sendUntilAnswered(client, payloads.request(i));
				}
				return null;
			});
		}
		// Each fault starts at its share of the accepted complaints, whether or not the
		// processes of the earlier ones are back: a restart under load takes longer than
		// the load, so faults that waited for each other fell after it (and two or three
		// processes down at once is a fault too).
		ExecutorService injectors = Executors.newCachedThreadPool();
		List<Future<?>> injected = new ArrayList<>();
		for (Fault fault : faults) {
			while (this.accepted.size() - acceptedBefore < fault.atFraction() * this.complaints) {
				TimeUnit.MILLISECONDS.sleep(100);
			}
			int acceptedAtFault = this.accepted.size() - acceptedBefore;
			injected.add(injectors.submit(() -> inject(fault, acceptedAtFault)));
		}
		for (Future<?> fault : injected) {
			try {
				fault.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A fault's process did not come back", ex.getCause());
			}
		}
		injectors.shutdown();
		senders.shutdown();
		if (!senders.awaitTermination(30, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Senders did not finish");
		}
	}

	private static void inject(Fault fault, int acceptedAtFault) {
		long started = System.nanoTime();
		fault.action().run();
		System.out.printf("  %-17s at %5d accepted; back in %.1f s%n", fault.name(), acceptedAtFault,
				(System.nanoTime() - started) / 1e9);
	}

	/**
	 * A channel's behaviour: retry with the same Idempotency-Key until intake answers.
	 */
	private void sendUntilAnswered(IntakeClient client, ComplaintPayloads.Request request) throws InterruptedException {
		long backoff = 100;
		while (true) {
			IntakeClient.Answer answer = client.postAndWait(request);
			if (answer.accepted()) {
				this.accepted.add(answer.complaintId());
				return;
			}
			if (!answer.retryable()) {
				this.rejected.incrementAndGet();
				System.out.printf("  rejected %d: %s%n", answer.status(), answer.body());
				return;
			}
			this.retries.incrementAndGet();
			TimeUnit.MILLISECONDS.sleep(backoff);
			backoff = Math.min(backoff * 2, 2000);
		}
	}

	private void pace(long start, long i) throws InterruptedException {
		long due = start + (long) (i * 1e9 / this.rate);
		long wait = due - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private record Fault(double atFraction, String name, Runnable action) {

	}

	/**
	 * The faults of one load: every process killed, or the database and broker stalled.
	 */
	private enum Round {

		KILLS, STALLS

	}

	/**
	 * How long the database and the broker are stalled, in stall mode, and whether a
	 * round of kills comes first ({@code --then-stall}).
	 */
	record Stalls(Duration database, Duration broker, boolean afterKills) {

		static Stalls fromArguments(List<String> args) {
			boolean afterKills = args.contains("--then-stall");
			int at = args.indexOf(afterKills ? "--then-stall" : "--stall");
			if (at < 0) {
				return null;
			}
			if (args.size() < at + 3) {
				throw new IllegalArgumentException(
						args.get(at) + " needs DB_SECONDS BROKER_SECONDS, e.g. --stall 90 30");
			}
			return new Stalls(Duration.ofSeconds(Long.parseLong(args.get(at + 1))),
					Duration.ofSeconds(Long.parseLong(args.get(at + 2))), afterKills);
		}

	}

	/** One verified property and its counts. */
	record Check(String name, boolean passed, String counts) {

		@Override
		public String toString() {
			return String.format("  %-4s %-58s %s", this.passed ? "OK" : "FAIL", this.name, this.counts);
		}

	}

	/** Reads topics and databases after the run and checks exactly-once effects. */
	static final class Verification {

		private final ProcessStack stack;

		private final Set<String> accepted;

		private final DeadlineMode deadlines;

		Verification(ProcessStack stack, Set<String> accepted, DeadlineMode deadlines) {
			this.stack = stack;
			this.accepted = accepted;
			this.deadlines = deadlines;
		}

		List<Check> awaitAndCheck(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			List<Check> checks = check();
			while (checks.stream().anyMatch((check) -> !check.passed()) && System.nanoTime() < deadline) {
				checks.stream()
					.filter((check) -> !check.passed())
					.forEach((check) -> System.out.println("  waiting: " + check.name() + " " + check.counts()));
				// a round reads every topic and database from the start: seconds of work
				TimeUnit.SECONDS.sleep(5);
				checks = check();
			}
			return checks;
		}

		private List<Check> check() {
			String kafka = this.stack.broker().bootstrapServers();
			int expected = this.accepted.size();
			List<Check> checks = new ArrayList<>();
			TopicAudit received = TopicAudit.read(kafka, Topics.RECEIVED,
					(event) -> (event instanceof ComplaintReceived) ? event.complaintId() : null);
			checks.add(new Check("every 202 complaint is on complaints.received",
					received.keys().containsAll(this.accepted),
					"accepted=" + expected + " onTopic=" + received.keys().size()));
			checks.add(
					new Check("no complaint published without a 202 answer", this.accepted.containsAll(received.keys()),
							"extra=" + (received.keys().size() - intersection(received.keys()))));
			checks.add(exactlyOnce("one ComplaintReceived per complaint", received, expected));
			// one read of the topic: group by complaint, and note the decisions whose
			// milestone must breach
			Set<String> mustBreach = new HashSet<>();
			TopicAudit triaged = TopicAudit.read(kafka, Topics.TRIAGED, (event) -> {
				if (!(event instanceof ComplaintTriaged decision)) {
					return null;
				}
				if (this.deadlines.mustBreach(decision)) {
					mustBreach.add(decision.complaintId());
				}
				return decision.complaintId();
			});
			checks.add(exactlyOnce("one ComplaintTriaged per complaint", triaged, expected));
			TopicAudit opened = TopicAudit.read(kafka, Topics.CASES,
					(event) -> (event instanceof CaseOpened) ? event.complaintId() : null);
			checks.add(exactlyOnce("one CaseOpened per complaint", opened, expected));
			checks.addAll(reminderChecks(kafka, mustBreach));
			long deadLetters = DeadLetterAudit.count(kafka);
			checks.add(new Check("no record in any dead-letter topic", deadLetters == 0, "deadLetters=" + deadLetters));
			checks.addAll(new DatabaseAudit(this.stack.mongoUri(), this.accepted)
				.check(this.stack.service(Service.ANALYTICS).url()));
			return checks;
		}

		/**
		 * Reminders are keyed by complaint, milestone, kind, level and deadline; a
		 * milestone has two warnings (50% and 80%) and one of every other kind. Nobody
		 * acts on the cases, so the checked milestone of every complaint's own case (not
		 * its incident's) must breach.
		 */
		private List<Check> reminderChecks(String kafka, Set<String> mustBreach) {
			TopicAudit reminders = TopicAudit.read(kafka, Topics.REMINDERS,
					(event) -> (event instanceof ReminderRaised reminder)
							? reminder.caseId() + "|" + reminder.complaintId() + "|" + reminder.milestone() + "|"
									+ reminder.kind() + "|" + reminder.level() + "|" + reminder.dueAt()
							: null);
			long doubled = reminders.keysWithMoreEventIdsThan((key) -> key.contains("|WARNING|") ? 2 : 1);
			MilestoneKind milestone = this.deadlines.breachedMilestone();
			Set<String> breached = reminders.keys()
				.stream()
				.filter((key) -> milestone != null && key.contains("|" + milestone + "|BREACH|"))
				.map((key) -> key.split("\\|"))
				.filter((parts) -> parts[0].equals(ownCaseId(parts[1])))
				.map((parts) -> parts[1])
				.collect(Collectors.toSet());
			long missing = mustBreach.stream().filter((complaintId) -> !breached.contains(complaintId)).count();
			return List
				.of(new Check("each reminder (milestone, kind, level) emitted once", doubled == 0,
						"reminders=" + reminders.distinctEventIds() + " doubled=" + doubled + " resentCopies="
								+ reminders.resentCopies()),
						new Check("no reminder left behind: every due milestone breached", missing == 0,
								(milestone != null) ? "casesWith" + milestone + "Breach="
										+ (mustBreach.size() - missing) + "/" + mustBreach.size()
										: "not due: policy deadlines (hours)"));
		}

		/** Follow-up's deterministic id of a complaint's own case. */
		private static String ownCaseId(String complaintId) {
			return EventMetadata.deterministicEventId("case", complaintId).toString();
		}

		private Check exactlyOnce(String name, TopicAudit audit, int expected) {
			long covered = intersection(audit.keys());
			boolean passed = covered == expected && audit.keys().size() == expected
					&& audit.keysWithSeveralEventIds() == 0;
			return new Check(name, passed, "complaints=" + covered + "/" + expected + " withSeveralIds="
					+ audit.keysWithSeveralEventIds() + " resentCopies=" + audit.resentCopies());
		}

		private long intersection(Set<String> keys) {
			return keys.stream().filter(this.accepted::contains).count();
		}

	}

}
