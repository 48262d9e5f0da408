package com.complaintflow.triage.text;

import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional Chinese to simplified with ICU4J's {@code Traditional-Simplified}
 * transliterator, then Taiwan and Hong Kong vocabulary to the mainland word (網路 to 网络, 寬頻
 * to 宽带, 簡訊 to 短信), so that one dictionary and one model read every script. Text the
 * transliterator would leave as it is (most simplified text) skips it.
 */
public final class ChineseScript {

	private static final String TRANSLITERATOR = "Traditional-Simplified";

	private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance(TRANSLITERATOR));

	/** The texts the transliterator can change (a simplified text it leaves as it is). */
	private static final TransliterationTriggers TRIGGERS = TransliterationTriggers
		.of(TRADITIONAL_TO_SIMPLIFIED.get().toRules(false));

	/** Regional words, after transliteration, to the mainland word. */
	private static final Map<String, String> REGIONAL = Map.ofEntries(Map.entry("网路", "网络"), Map.entry("宽频", "宽带"),
			Map.entry("简讯", "短信"), Map.entry("讯号", "信号"), Map.entry("帐单", "账单"), Map.entry("帐号", "账号"),
			Map.entry("帐户", "账户"), Map.entry("门号", "号码"), Map.entry("品质", "质量"), Map.entry("软体", "软件"),
			Map.entry("行动电话", "手机"), Map.entry("市话", "座机"), Map.entry("电信商", "运营商"), Map.entry("电讯商", "运营商"),
			Map.entry("资料用量", "流量"), Map.entry("上网量", "流量"), Map.entry("客服专线", "客服热线"), Map.entry("数据机", "调制解调器"));

	private ChineseScript() {
	}

	/**
	 * The text with traditional characters and regional words in their mainland
	 * simplified form; text without Han characters is returned as it is.
	 */
	public static String toSimplified(String text) {
		if (!hasHan(text)) {
			return text;
		}
		if (text.length() > MEMO_LIMIT) {
			return simplify(text);
		}
		String[] last = LAST.get();
		if (text.equals(last[0])) {
			return last[1];
		}
		String simplified = simplify(text);
		last[0] = text;
		last[1] = simplified;
		return simplified;
	}

	/**
	 * The last text converted on this thread and its result: the rules and the model fold
	 * the same text one after the other, and the transliteration is the dearest step.
	 */
	private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

	/** The longest text remembered (the model reads at most 2,500 characters). */
	private static final int MEMO_LIMIT = 4096;

	private static String simplify(String text) {
		return regionalWords(TRIGGERS.mayChange(text) ? transliterate(text) : text);
	}

	/** Taiwan and Hong Kong words, once transliterated, to the mainland word. */
	static String regionalWords(String transliterated) {
		String simplified = transliterated;
		for (Map.Entry<String, String> word : REGIONAL.entrySet()) {
			if (simplified.contains(word.getKey())) {
				simplified = simplified.replace(word.getKey(), word.getValue());
			}
		}
		return simplified;
	}

	/**
	 * The text through the transliterator alone, without the shortcut for text it leaves
	 * as it is (to check that shortcut).
	 */
	static String transliterate(String text) {
		return TRADITIONAL_TO_SIMPLIFIED.get().transliterate(text);
	}

	/** The triggers {@link #toSimplified} checks before transliterating. */
	static TransliterationTriggers triggers() {
		return TRIGGERS;
	}

	/** Whether the text holds a Han character (also one beyond the basic plane). */
	public static boolean hasHan(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int codePoint = Character.isHighSurrogate(c) ? Character.codePointAt(text, i) : c;
			if (codePoint >= 0x3400 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
				return true;
			}
		}
		return false;
	}

}
