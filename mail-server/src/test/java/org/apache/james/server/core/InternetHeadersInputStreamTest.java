package org.apache.james.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.mail.internet.InternetHeaders;

import org.junit.jupiter.api.Test;

class InternetHeadersInputStreamTest {
    @Test
    void eightBitHeaderBytesComeBackUnchanged() throws Exception {
        byte[] block = "Subject: Văn bản đến\r\nFrom: \"Sở Nội vụ\" <sonoivu@dienbien.gov.vn>\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(block));
        assertThat(new InternetHeadersInputStream(headers).readAllBytes()).isEqualTo(block);
    }

    @Test
    void oursReplacesJamesClassOnTheClassPath() {
        // James's own copy lives in james-server-core-3.8.1.jar; ours must be the one loaded.
        String origin = InternetHeadersInputStream.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(origin).doesNotContain("james-server-core");
    }

    @Test
    void noLinesGiveAnEmptyStream() {
        assertThat(new InternetHeadersInputStream(java.util.Collections.emptyEnumeration()).read()).isEqualTo(-1);
    }
}
