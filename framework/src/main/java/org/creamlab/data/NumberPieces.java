package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How the word vocabulary spells digit strings: in pieces of at most {@code k} digits. The first
 * piece is a head token of 1 to {@code k} digits (its length is the string's length mod {@code k}, or
 * {@code k}); every further piece is a continuation token {@code ##} followed by exactly {@code k}
 * digits. So with {@code k = 2}, {@code 4217} is {@code 42 ##17} and {@code 421} is {@code 4 ##21};
 * numbers below {@code 10^k} are one token, below {@code 10^(2k)} two. Decoding glues continuation
 * pieces to the token before them, so the text reads {@code 4217} again. Leading zeros survive.
 *
 * @param digitsPerPiece {@code k}, 1 to 3
 */
public record NumberPieces(int digitsPerPiece) {

    /** The prefix that marks a continuation piece. */
    public static final String CONTINUATION = "##";

    public NumberPieces {
        if (digitsPerPiece < 1 || digitsPerPiece > 3) {
            throw new IllegalArgumentException("setting 'digitsPerPiece' must be 1, 2 or 3, got " + digitsPerPiece);
        }
    }

    /** Every piece token, heads first (shortest first, then numeric order), then continuations. */
    public List<String> vocabulary() {
        List<String> pieces = new ArrayList<>();
        for (int width = 1; width <= digitsPerPiece; width++) {
            for (int v = 0; v < pow10(width); v++) {
                pieces.add(pad(v, width));
            }
        }
        for (int v = 0; v < pow10(digitsPerPiece); v++) {
            pieces.add(CONTINUATION + pad(v, digitsPerPiece));
        }
        return pieces;
    }

    /** Splits a non-empty string of ASCII digits into its pieces. */
    public List<String> split(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a digit string: '" + digits + "'");
        }
        List<String> pieces = new ArrayList<>();
        int head = digits.length() % digitsPerPiece == 0 ? digitsPerPiece : digits.length() % digitsPerPiece;
        pieces.add(digits.substring(0, head));
        for (int i = head; i < digits.length(); i += digitsPerPiece) {
            pieces.add(CONTINUATION + digits.substring(i, i + digitsPerPiece));
        }
        return pieces;
    }

    /** How many continuation pieces there are: {@code 10^k}, the values a number's last piece can take. */
    public long continuationValues() {
        return pow10(digitsPerPiece);
    }

    /** Number of tokens the decimal spelling of {@code value} (>= 0) takes. */
    public int tokenCount(long value) {
        return split(Long.toString(value)).size();
    }

    private static int pow10(int width) {
        int p = 1;
        for (int i = 0; i < width; i++) {
            p *= 10;
        }
        return p;
    }

    private static String pad(int value, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
