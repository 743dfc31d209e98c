package vn.govmail.spamfilter.steps;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names and encryption flags of a ZIP, read from its central directory without extracting
 * anything (java.util.zip refuses encrypted entries, and we never want to inflate attacker data here).
 */
record ZipEntries(List<String> names, boolean encrypted) {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int MAX_ENTRIES = 10_000;

    static ZipEntries read(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        List<String> names = new ArrayList<>();
        boolean encrypted = false;
        for (int i = 0; i + 46 <= zip.length && names.size() < MAX_ENTRIES; i++) {
            if (buffer.getInt(i) != CENTRAL_HEADER) {
                continue;
            }
            int flags = buffer.getShort(i + 8) & 0xffff;
            int nameLength = buffer.getShort(i + 28) & 0xffff;
            if (i + 46 + nameLength > zip.length) {
                break;
            }
            encrypted |= (flags & 1) != 0;
            names.add(new String(zip, i + 46, nameLength, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            i += 45 + nameLength;
        }
        return new ZipEntries(names, encrypted);
    }
}
