package vn.govmail.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Queries over a field indexed with {@link VietnameseAnalyzer} in {@link VietnameseAnalyzer.Mode#INDEX} mode.
 *
 * <p>A text becomes a phrase of its syllables. If the text carries diacritics, two phrases are OR-ed: the exact one
 * (boosted, so "văn bản" ranks documents spelled "văn bản" first) and the folded one (so documents typed without
 * diacritics, or with different tone-mark placement such as "hoà"/"hòa", are found too). A text without diacritics
 * is a folded phrase: "van ban den" finds "văn bản đến".
 */
public final class VietnameseQueries {

    /** How much more an exact-diacritic match weighs than a folded one. */
    public static final float EXACT_BOOST = 2.0f;

    private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
    private static final Analyzer FOLDED = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);

    private VietnameseQueries() {
    }

    /** All syllables of {@code text}, in order, adjacent. Matches nothing if {@code text} has no word. */
    public static Query phrase(String field, String text) {
        List<String> folded = tokens(FOLDED, field, text);
        if (folded.isEmpty()) {
            return new MatchNoDocsQuery("no word in the query text");
        }
        List<String> exact = tokens(EXACT, field, text);
        Query foldedQuery = phraseOf(field, folded);
        if (exact.equals(folded)) {
            return foldedQuery;
        }
        return new BooleanQuery.Builder()
            .add(new BoostQuery(phraseOf(field, exact), EXACT_BOOST), BooleanClause.Occur.SHOULD)
            .add(foldedQuery, BooleanClause.Occur.SHOULD)
            .build();
    }

    /** The tokens {@code analyzer} makes of {@code text}, in order. */
    public static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return tokens;
    }

    private static Query phraseOf(String field, List<String> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        return new PhraseQuery(field, tokens.toArray(String[]::new));
    }
}
