package vn.govmail.eoffice.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.HistoryEntry;

/**
 * The sổ đăng ký văn bản đến (Nghị định 30, Phụ lục IV): the 10 columns for the registered documents of a period,
 * as CSV (UTF-8 with BOM, so that Excel reads the Vietnamese) or XLSX.
 */
public final class IncomingRegister {
    public static final List<String> COLUMNS = List.of("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final DocumentStore store;

    public IncomingRegister(DocumentStore store) {
        this.store = store;
    }

    public List<List<String>> rows(String unitId, LocalDate from, LocalDate to) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        for (DocumentRecord document : store.registered(unitId, from, to)) {
            String handedOver = store.history(document.id()).stream().filter(entry -> entry.action().equals("present")).findFirst()
                .map(HistoryEntry::at).map(at -> at.atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().format(DAY)).orElse("");
            String typeName = document.metadata().value(MetadataField.TypeName);
            String subject = document.metadata().value(MetadataField.Subject);
            String date = document.metadata().value(MetadataField.PromulgationDate);
            List<String> notes = new ArrayList<>();
            if (document.metadata().value(MetadataField.Priority) != null) {
                notes.add(document.metadata().value(MetadataField.Priority));
            }
            if (document.secret()) {
                notes.add("Mật: " + document.metadata().value(MetadataField.Secrecy));
            }
            if (document.returnReason() != null) {
                notes.add("Trả lại: " + document.returnReason());
            }
            rows.add(List.of(document.arrivalDate().format(DAY), Integer.toString(document.arrivalNumber()),
                nullToEmpty(document.metadata().value(MetadataField.OrganName)), nullToEmpty(document.metadata().numberNotation()),
                date == null ? "" : LocalDate.parse(date).format(DAY),
                (typeName == null ? "" : typeName) + (subject == null ? "" : (typeName == null ? "" : " ") + subject),
                nullToEmpty(document.leadAssignee() != null ? document.leadAssignee() : document.leader()), handedOver, "",
                String.join("; ", notes)));
        }
        return rows;
    }

    public byte[] csv(String unitId, LocalDate from, LocalDate to) throws SQLException {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, COLUMNS);
        for (List<String> row : rows(unitId, from, to)) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(String unitId, LocalDate from, LocalDate to) throws SQLException, IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sổ văn bản đến");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(COLUMNS.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<String> values : rows(unitId, from, to)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, i == 5 ? 60 * 256 : 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i);
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
            csv.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        csv.append("\r\n");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
