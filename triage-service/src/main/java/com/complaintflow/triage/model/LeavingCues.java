package com.complaintflow.triage.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The words and terms of leaving around which the churn classifier reads a window of
 * n-grams ({@link NgramFeatures}); a list, once a model is trained on it, never changes:
 * a wider one is a new scheme.
 */
final class LeavingCues {

	/**
	 * English words of leaving (and the competitors' names): the words either side of one
	 * are features of their own, so a churn classifier reads how leaving is told (done,
	 * threatened, considered, denied, or a fee for it) apart from the rest of a long
	 * text.
	 */
	static final List<String> ENGLISH = List.of("cancel", "cancelled", "canceled", "cancelling", "canceling",
			"cancellation", "switch", "switched", "switching", "leave", "leaving", "disconnect", "disconnected",
			"disconnecting", "terminate", "terminated", "termination", "port", "ported", "porting", "provider",
			"providers", "competitor", "competitors", "alternative", "alternatives", "quit", "drop", "dropping",
			"verizon", "fios", "directv", "dish", "centurylink", "frontier", "uverse", "verse", "rcn", "att");

	/**
	 * Chinese terms of leaving, as the English ones (the models of 2026-12-04 10:31Z).
	 * One-character terms (换, 退) are meant: a window only offers features, the classifier
	 * weighs them.
	 */
	static final List<String> CHINESE_1 = List.of("销户", "转网", "携号", "换号", "离网", "注销", "退网", "拆机", "退订", "不用", "运营商",
			"改用", "弃用", "解约", "取消", "再也不", "换", "退", "销号", "停机", "拔卡", "再见", "别家", "一家");

	/**
	 * {@link #CHINESE_1} and the other ways a post says it is done with the line: not
	 * wanting or daring to use it again (不想用, 不再, 不敢用), cancelling the card, stopping or
	 * ending the service, giving up on the operator, saying goodbye.
	 */
	static final List<String> CHINESE_2 = Stream
		.concat(CHINESE_1.stream(),
				Stream.of("不想用", "不再", "不会再", "销卡", "停掉", "停用", "终止", "放弃", "拜拜", "拒绝", "不要了", "失去", "不敢用", "不要再",
						"不需要", "扔"))
		.toList();

	private LeavingCues() {
	}

}
