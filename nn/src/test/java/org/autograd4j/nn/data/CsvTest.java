package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autograd4j.core.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsHeaderAndLastColumnLabelByDefault() throws IOException {
        Path p = write("iris.csv", "a,b,species\n1.5,2,0\n\n3,4.25,2\n");
        Csv.Table t = Csv.read(p);
        assertEquals(List.of("a", "b"), t.featureNames());
        assertEquals(List.of(), t.classNames());
        assertEquals(DType.FLOAT32, t.dataset().dtype());
        assertArrayEquals(new double[] {1.5, 2, 3, 4.25}, t.dataset().features().toDoubleArray());
        assertArrayEquals(new double[] {0, 2}, t.dataset().labels().toDoubleArray());
    }

    @Test
    void aValueTooLargeForFloat32IsAnErrorWithLineAndColumnButFitsFloat64() throws IOException {
        Path p = write("big.csv", "a,b,y\n1,2,0\n1,3.5e38,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(p));
        assertEquals("Csv: " + p + " line 3: column 'b' (1): '3.5e38' is too large for float32 (the largest"
                + " magnitude is 3.4028235E38)", e.getMessage());
        assertEquals(3.5e38, Csv.builder().dtype(DType.FLOAT64).read(p).dataset().features().toDoubleArray()[3]);
        Path label = write("label.csv", "a,y\n1,0.5\n2,1e308\n");
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class, () -> Csv.read(label));
        assertEquals("Csv: " + label + " line 3: label '1e308' is too large for float32 (the largest magnitude is"
                + " 3.4028235E38)", l.getMessage());
    }

    @Test
    void rowLinesAreFileLines() throws IOException {
        Path p = write("lines.csv", "a,y\n\n1,0\n\n\n2,1\n");
        assertEquals(List.of(3, 6), Csv.read(p).rowLines());
    }

    @Test
    void aFileThatIsNotUtf8OrIsADirectorySaysSo() throws IOException {
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "a,y\n1,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("Csv: " + latin + " is not UTF-8 text (save it as UTF-8)",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(latin)).getMessage());
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertEquals("Csv: " + folder + " is a directory, not a CSV file",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(folder)).getMessage());
    }

    @Test
    void labelByNameOrIndexWithStringClassesAndIgnoredColumns() throws IOException {
        Path p = write("wdbc.csv", "id,diagnosis,r,t\n7,M,1,2\n8,B,3,4\n9,\"M\",5,6\n");
        Csv.Table byName = Csv.builder().labelColumn("diagnosis").ignoreColumns("id").dtype(DType.FLOAT64).read(p);
        assertEquals(List.of("r", "t"), byName.featureNames());
        assertEquals(List.of("B", "M"), byName.classNames(), "sorted by default");
        assertArrayEquals(new double[] {1, 0, 1}, byName.dataset().labels().toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, byName.dataset().features().toDoubleArray());
        Csv.Table byIndex = Csv.builder().labelColumn(1).ignoreColumns(0).classes("M", "B").read(p);
        assertArrayEquals(new double[] {0, 1, 0}, byIndex.dataset().labels().toDoubleArray());
        Path noHeader = write("raw.csv", "7;M;1\n8;B;3\n");
        Csv.Table raw = Csv.builder().header(false).delimiter(';').labelColumn(1).read(noHeader);
        assertEquals(List.of("column0", "column2"), raw.featureNames());
        assertArrayEquals(new double[] {7, 1, 8, 3}, raw.dataset().features().toDoubleArray());
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        Path p = write("bad.csv", "a,b,y\n1,2,0\n3,4,1\n5,6\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(p));
        assertEquals("Csv: " + p + " line 4: expected 3 fields but found 2", e.getMessage());
        Path nan = write("nan.csv", "a,b,y\n1,x1,0\n");
        e = assertThrows(IllegalArgumentException.class, () -> Csv.read(nan));
        assertEquals("Csv: " + nan + " line 2: column 'b' (1): 'x1' is not a finite number", e.getMessage());
    }

    @Test
    void missingValuesAreErrorsWithTheirLine() throws IOException {
        Path p = write("missing.csv", "a,b,y\n1,2,0\n\n3,,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(p));
        assertEquals("Csv: " + p + " line 4: column 'b' (1): missing value ''", e.getMessage());
        Path na = write("na.csv", "a,y\n1,0\nNA,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> Csv.read(na));
        assertEquals("Csv: " + na + " line 3: column 'a' (0): missing value 'NA'", e.getMessage());
        Path label = write("label.csv", "a,y\n1,?\n");
        e = assertThrows(IllegalArgumentException.class, () -> Csv.read(label));
        assertEquals("Csv: " + label + " line 2: column 'y' (1): missing label '?'", e.getMessage());
    }

    @Test
    void unknownColumnsClassesAndEmptyFilesAreNamed() throws IOException {
        Path p = write("x.csv", "a,y\n1,M\n2,X\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.builder().labelColumn("z").read(p));
        assertEquals("Csv: " + p + " has no column 'z'; columns are [a, y]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Csv.builder().classes("B", "M").read(p));
        assertEquals("Csv: " + p + " line 3: label 'X' is not one of the classes [B, M]", e.getMessage());
        Path empty = write("empty.csv", "a,y\n\n");
        e = assertThrows(IllegalArgumentException.class, () -> Csv.read(empty));
        assertEquals("Csv: " + empty + " has no data rows", e.getMessage());
    }
}
