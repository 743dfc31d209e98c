package vn.govmail.eoffice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a PDF official document for tests: the lines as real text in a Unicode font (DejaVu Sans, Debian package
 * fonts-dejavu-core), optionally padded with an incompressible image (as a scanned seal would be) to a size.
 */
public final class TestPdf {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private TestPdf() {
    }

    public static byte[] document(List<String> lines, int paddingBytes) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, FONT.toFile());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.setLeading(15);
                content.newLineAtOffset(50, 740);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
                if (paddingBytes > 0) {
                    int side = (int) Math.sqrt(paddingBytes / 3.0) + 1;
                    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                    Random random = new Random(30);
                    for (int y = 0; y < side; y++) {
                        for (int x = 0; x < side; x++) {
                            image.setRGB(x, y, random.nextInt(0xFFFFFF));
                        }
                    }
                    PDImageXObject seal = LosslessFactory.createFromImage(document, image);
                    content.drawImage(seal, 350, 60, 120, 120);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
