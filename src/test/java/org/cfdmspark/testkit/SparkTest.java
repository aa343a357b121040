package org.cfdmspark.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that uses Spark: its test methods and lifecycle methods may take a {@code SparkSession}
 * parameter (the shared local[2] session, started once for all test classes) next to JUnit's {@code @TempDir}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SparkExtension.class)
public @interface SparkTest {
}
