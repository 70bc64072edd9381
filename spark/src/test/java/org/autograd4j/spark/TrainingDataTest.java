package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.StandardScaler;
import org.junit.jupiter.api.Test;

/** Rows into cached blocks: widths, ids, distributed standardization, and the errors a bad DataFrame gets. */
class TrainingDataTest {
    @Test
    void theDistributedScalerEqualsTheSingleMachineOne() {
        TestData data = TestData.classes(101, 4, 9);
        StandardScaler expected = StandardScaler.fit(Tensor.of(data.x));
        try (TrainingData d = TrainingData.fromArrays(SharedSpark.sc(), data.x, data.y, 3)) {
            assertEquals(101, d.rows());
            assertEquals(4, d.numFeatures());
            assertEquals(1, d.labelWidth());
            assertEquals(3, d.partitions());
            StandardScaler actual = d.fitScaler();
            assertArrayEquals(expected.mean(), actual.mean(), 1e-12);
            assertArrayEquals(expected.scale(), actual.scale(), 1e-12);
            try (TrainingData scaled = d.standardize(actual)) {
                StandardScaler after = scaled.fitScaler();
                for (int j = 0; j < 4; j++) {
                    assertEquals(0.0, after.mean()[j], 1e-12);
                    assertEquals(1.0, after.scale()[j], 1e-12);
                }
            }
        }
    }

    @Test
    void everyRowIsInExactlyOneStepOfAnEpoch() {
        TestData data = TestData.classes(90, 5, 11);
        int steps = BatchPlan.stepsPerEpoch(90, 16);
        try (TrainingData d = TrainingData.fromArrays(SharedSpark.sc(), data.x, data.y, 4)) {
            List<Long> seen = d.blocks().flatMap(b -> {
                List<Long> ids = new ArrayList<>();
                for (int s = 0; s < steps; s++) {
                    for (int r : b.rowsOfStep(7, 1, s, steps)) {
                        assertEquals(s, BatchPlan.stepOf(7, 1, b.ids[r], steps));
                        ids.add(b.ids[r]);
                    }
                }
                return ids.iterator();
            }).collect();
            assertEquals(90, seen.size());
            assertEquals(90, seen.stream().distinct().count());
        }
    }

    @Test
    void aNullLabelIsRefusedNamingTheColumn() {
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("y", DataTypes.DoubleType, true);
        Dataset<Row> df = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1.0, 0.0),
                RowFactory.create(2.0, null)), schema);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingData.fromDataFrame(df, new String[] {"a"}, "y"));
        assertEquals("TrainingData: column 'y' must be numeric, got null", e.getMessage());
    }
}
