package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent trainings side by side ({@code -Dtriage.train.parallel-folds} at once,
 * 5) and returns their results in the order given.
 */
final class ParallelTraining {

	private static final int PARALLEL = Integer.getInteger("triage.train.parallel-folds", 5);

	private ParallelTraining() {
	}

	static <T> List<T> inOrder(List<Callable<T>> tasks) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), PARALLEL)));
		try {
			List<Future<T>> futures = new ArrayList<>();
			tasks.forEach((task) -> futures.add(pool.submit(task)));
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

}
