package org.gatehouse.connector.file.impl;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;

/**
 * Writes a one-sheet workbook of the given number of rows (POI's streaming writer) and reads it through the file
 * connector, in a small-heap JVM started by {@link BoundedMemoryTest}. A sheet read as a DOM would need many times
 * the heap. Prints rows, file size, seconds and peak heap; exits 1 on a wrong row count.
 */
public final class BigXlsxRead {

    private BigXlsxRead() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Paths.get(args[0]);
        int rows = Integer.parseInt(args[1]);
        Path file = folder.resolve("big.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("Data");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("id");
            header.createCell(1).setCellValue("day");
            header.createCell(2).setCellValue("amount");
            header.createCell(3).setCellValue("customer");
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(java.time.LocalDate.of(2024, 1 + r % 12, 1 + r % 28));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue(r * 1.25);
                row.createCell(3).setCellValue("Customer " + (r % 9973));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        long bytes = Files.size(file);
        FileConnector connector = new FileConnector(folder.toString());
        long start = System.nanoTime();
        long read = 0;
        try (RowSource source = connector.open(new DataSourceSettings("big", "file", Map.of("folder",
                folder.toString())), Credentials.anonymous(), new Query("big", "big.xlsx"))) {
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                read++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("rows=%d bytes=%d seconds=%.1f rowsPerSecond=%.0f peakHeapMB=%d maxHeapMB=%d%n", read,
                bytes, seconds, read / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(file);
        System.exit(read == rows ? 0 : 1);
    }
}
