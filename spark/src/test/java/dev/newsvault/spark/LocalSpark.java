package dev.newsvault.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local[2], bound to 127.0.0.1, no UI, few shuffle partitions for small inputs. */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession start(String app) {
    return SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }

  /** Stops a session that {@link #start} may not have got to start. */
  static void stop(SparkSession spark) {
    if (spark != null) {
      spark.stop();
    }
  }
}
