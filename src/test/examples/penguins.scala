import org.cfdmspark.ml.CfdmSynthesizer
import org.apache.spark.sql.functions.avg

val options = Map("header" -> "true", "inferSchema" -> "true", "nullValue" -> "NA")
val penguins = spark.read.options(options).csv("src/main/resources/demo/penguins.csv")
val model = new CfdmSynthesizer().setSeed(7).setSteps(20).setKnob("sigma", "auto").fit(penguins)
println(s"sigma (auto): ${model.summary.strata.get(0).sigma}")

// 1,000 new rows in the table's schema, with the training table's mean body mass give or take a little
val synthetic = model.sample(1000).cache()
synthetic.show(5)
val training = penguins.select(avg("body_mass_g")).first().getDouble(0)
val sampled = synthetic.select(avg("body_mass_g")).first().getDouble(0)
println(f"mean body mass: training $training%.0f g, synthetic $sampled%.0f g")

// A row is a function of the model, the seed and its sample id: any partitioning gives the same rows.
val onePartition = model.transform(model.sampleIds(1000, 1))
val sixPartitions = model.transform(model.sampleIds(1000, 6))
println(s"same rows in 1 and 6 partitions: ${onePartition.exceptAll(sixPartitions).isEmpty}")
