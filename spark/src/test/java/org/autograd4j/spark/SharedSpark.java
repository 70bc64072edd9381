package org.autograd4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test class in the JVM (starting one costs seconds): two cores, and a task may
 * fail once and be retried ({@code local[2,2]}), which the fault test relies on.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    /** The session, started on first use. */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,2]").appName("autograd4j-spark-tests")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    // Why: compiling generated code for each small query cost more than running it here
                    .config("spark.sql.codegen.wholeStage", "false").getOrCreate();
        }
        return session;
    }

    /** The session's Java context. */
    static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }
}
