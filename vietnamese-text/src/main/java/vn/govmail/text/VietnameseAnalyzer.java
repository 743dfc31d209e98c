package vn.govmail.text;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene analyzer for Vietnamese (and any Latin-script) text.
 *
 * <ol>
 *   <li>composes the input to NFC with ICU, so NFD text ("e" + U+0302 + U+0301) and precomposed text ("ế") give the
 *       same tokens;</li>
 *   <li>splits on Unicode word boundaries (UAX #29). Vietnamese writes one syllable per space-separated token, so a
 *       multi-syllable word ("văn bản", "Lai Châu") is a sequence of tokens and is matched with a phrase query;</li>
 *   <li>lower-cases;</li>
 *   <li>depending on the {@link Mode}, keeps the original token, its diacritic-free form (ă, â, ê, ô, ơ, ư, tones
 *       and đ folded to ASCII), or both at the same position.</li>
 * </ol>
 *
 * <p>Index with {@link Mode#INDEX} (both forms at one position): then a query without diacritics ("van ban den")
 * matches "văn bản đến" as a phrase, and a query with diacritics can still be matched exactly. Build queries with
 * {@link VietnameseQueries}, which ranks exact-diacritic matches above folded ones.
 */
public final class VietnameseAnalyzer extends Analyzer {

    /** What each token becomes. */
    public enum Mode {
        /** Original and folded token at the same position (index time). */
        INDEX,
        /** Original (composed, lower-cased) token only. */
        EXACT,
        /** Folded (ASCII) token only. */
        FOLDED
    }

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private final Mode mode;

    public VietnameseAnalyzer() {
        this(Mode.INDEX);
    }

    public VietnameseAnalyzer(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, NFC);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, NFC);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, fold(new LowerCaseFilter(source)));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return fold(new LowerCaseFilter(in));
    }

    private TokenStream fold(TokenStream lowerCased) {
        return switch (mode) {
            case INDEX -> new ASCIIFoldingFilter(lowerCased, true);
            case FOLDED -> new ASCIIFoldingFilter(lowerCased, false);
            case EXACT -> lowerCased;
        };
    }
}
