package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Reads a table the way the job's user wrote it. CSV is read in the {@link CsvDialect} of the settings, with
 * --null-value cells missing and column types inferred by Spark, then corrected where Spark's inference loses
 * what the text says:
 * <ul>
 *   <li>a number-like column with a zero-padded value (ZIP and FIPS codes, 01234) is text, since as an integer it
 *       would lose its zeros; so is a column of whole numbers too long for a long (more than 18 digits: codes and
 *       ids); --string columns are text;</li>
 *   <li>a true/false column spelt otherwise than Spark's own {@code true}/{@code false} ({@code True},
 *       {@code TRUE}) is text: modelled as the same two categories and written back as the input spelt it;</li>
 *   <li>with --decimal-comma, a text or fractional column whose every value is a number in that dialect is a
 *       number: a decimal comma (3,7) and optionally thousands grouped by a point, a space, a no-break space or a
 *       narrow no-break space (1.234.567,89; 1 234,5); whole numbers when no value has a comma. The grouping
 *       travels in the column's metadata ({@link #GROUPING}) so that CSV output groups as the input did;</li>
 *   <li>a text column of numbers dressed for people in one form (a currency sign, a percent sign, separators between
 *       thousands: $2,273.21, 17.3%, 1,234,567, with --decimal-comma 1.629,09 €) is a number, whole when no value has
 *       decimals; its {@link NumberDress} travels in its metadata so that CSV output dresses the values again;</li>
 *   <li>a column of numbers (plain, decimal-comma or dressed) beside blank cells (spaces or tabs only) is a number
 *       column whose blank cells are missing, and so are those of a column of number codes, kept text
 *       ({@link BlankCells});</li>
 *   <li>a fractional column (or decimal-comma or dressed number) keeps the text form of its numbers in its metadata
 *       ({@link NumberForm}: fixed decimals as in money's 12.50 and 3,70, whole values without a point as in 34
 *       beside 39.1, scientific notation as in 5.00E+05 and 2.418e-06), so that CSV output writes them so;</li>
 *   <li>a column of clock times without a date (08:30, 00:59:26), which Spark would stamp with the run's date, is
 *       read as {@link ClockTimes};</li>
 *   <li>a text column of ISO-8601 date-times with an offset written to the minute (2023-11-23T04:55+01:00), which
 *       Spark reads only with seconds, is read as timestamps ({@link MinuteOffsetTimes});</li>
 *   <li>a column whose missing cells were mostly the --null-value text rather than empty (or, without missing
 *       cells, in a table whose were) keeps that text in its metadata ({@link MissingText}), so that CSV output
 *       writes its missing cells so.</li>
 * </ul>
 * These decisions and the row count are one pass over the cells as text ({@link CellChecks}): with Spark's
 * inference, reading a CSV costs two passes. A CSV read as a single column whose name holds another likely separator is refused with
 * the option that reads it. A folder's part files are read by name ({@link CsvParts}), UTF-16 and UTF-32 files read
 * in another --encoding ({@link WideEncoding}) and text the --encoding could not decode ({@link UndecodedText}) are
 * refused, a header that looks like a row of data is noted ({@link HeaderAsData}), and nameless columns are
 * refused or, when they are a trailing separator's, left out ({@link UnnamedColumns}). Parquet carries its own
 * types; --string casts.
 */
final class TableReader {
  /** Column metadata key: the thousands separator of a decimal-comma number column. */
  static final String GROUPING = "cfdm.grouping";
  /** The text read's extra column, which holds the raw text of a row with the wrong number of fields. */
  private static final String MALFORMED = "_cfdm_malformed_row";
  /** Separators a one-column header is checked for, as --csv-sep takes them (\t for a tab). */
  private static final List<String> LIKELY_SEPARATORS = List.of(";", "\\t", "|", ",");

  private TableReader() {
  }

  /**
   * A table as read, with its row count when reading it counted them (CSV), else null, and the CSV's cells as
   * text, read when asked for (else null): every column as read, under its name, the --null-value text and empty
   * cells missing.
   */
  record Counted(Dataset<Row> table, Long rows, Supplier<Dataset<Row>> text) {
  }

  /** The table at {@code paths} (files or directories of one table) in {@code format} (CSV or PARQUET). */
  static Dataset<Row> read(SparkSession spark, FileFormat format, Settings settings, String... paths) {
    return readCounted(spark, format, settings, paths).table();
  }

  /** As {@link #read}, with the CSV's row count, which the reading's one pass over the cells finds too. */
  static Counted readCounted(SparkSession spark, FileFormat format, Settings settings, String... paths) {
    List<String> strings = settings.get(JobKnobs.STRING);
    if (format == FileFormat.PARQUET) {
      ParquetMagic.require(spark.sparkContext().hadoopConfiguration(), paths);
      Dataset<Row> table = spark.read().parquet(paths);
      return new Counted(strings.isEmpty() ? table
          : table.select(retyped(table.schema(), strings, Map.of(), Map.of(), Map.of(), Set.of(), Map.of(),
              Map.of())), null, null);
    }
    CsvDialect dialect = CsvDialect.of(settings);
    String nullValue = settings.get(JobKnobs.NULL_VALUE);
    boolean multiLine = settings.get(JobKnobs.MULTI_LINE);
    String datetimeFormat = settings.get(JobKnobs.DATETIME_FORMAT);
    CsvParts parts = CsvParts.of(spark, dialect, paths);
    Dataset<Row> inferred = inferred(spark, dialect, nullValue, multiLine, datetimeFormat, parts);
    requireText(inferred.schema(), paths[0]);
    requireSeveralColumns(inferred.schema(), dialect, paths[0]);
    requireDistinctNames(inferred.schema(), parts, paths[0]);
    // The cells as text under the inferred names: with the schema given, reading the header costs no Spark job.
    // A row whose number of fields is not the header's lands whole in the MALFORMED column: Spark would otherwise
    // fill a short row with missing cells and drop a long row's extra cells, silently. Read without the null
    // text, so that the checks tell its cells from empty ones (null).
    boolean columns = inferred.schema().fields().length > 0; // an empty file is refused later, by name
    StructType textSchema = columns ? asText(inferred.schema()).add(MALFORMED, DataTypes.StringType, true)
        : asText(inferred.schema());
    Dataset<Row> text = parts.load(csv(spark, dialect, "", multiLine, datetimeFormat)
        .option("columnNameOfCorruptRecord", MALFORMED), textSchema);
    // Clock times are read as text and parsed by ClockTimes, not as Spark's timestamps on the run's date.
    Map<String, String> clockTimes = ClockTimes.patterns(inferred.schema(), text, strings, nullValue);
    List<String> asText = new ArrayList<>(strings);
    asText.addAll(clockTimes.keySet());
    Retyping retyping = Retyping.of(inferred.schema(), text, asText, dialect,
        settings.isGiven(JobKnobs.CSV_ESCAPE), nullValue, paths[0]);
    List<String> unnamed = UnnamedColumns.dropped(inferred.schema().fieldNames(), parts, retyping.valueCells(),
        settings, paths[0]);
    Dataset<Row> table;
    if (retyping.asText().stream().noneMatch(name -> isTyped(inferred.schema(), name))
        && retyping.commaNumbers().isEmpty() && retyping.blankNumbers().isEmpty()) {
      table = inferred;
    } else {
      StructType schema = new StructType(Arrays.stream(inferred.schema().fields())
          .map(f -> retyping.asText().contains(f.name()) ? f.copy(f.name(), DataTypes.StringType, true,
              f.metadata()) : f)
          .toArray(StructField[]::new));
      table = parts.load(csv(spark, dialect, nullValue, multiLine, datetimeFormat), schema);
    }
    table = unnamed.isEmpty() ? table : table.drop(unnamed.toArray(String[]::new));
    table = retyping.commaNumbers().isEmpty() && retyping.dressedNumbers().isEmpty()
        && retyping.forms().isEmpty() && retyping.missingTexts().isEmpty() && retyping.blankNumbers().isEmpty() ? table
        : table.select(retyped(table.schema(), List.of(), retyping.commaNumbers(), retyping.dressedNumbers(),
            retyping.blankNumbers(), retyping.blanks(), retyping.forms(), retyping.missingTexts()));
    return new Counted(MinuteOffsetTimes.read(ClockTimes.read(table, clockTimes), retyping.offsetTimes()),
        retyping.rows(),
        () -> parts.load(csv(spark, dialect, nullValue, multiLine, datetimeFormat), asText(inferred.schema())));
  }

  /** How a decimal-comma number column is written: its thousands separator ("" for none), whole or fractional. */
  private record CommaNumber(String grouping, boolean whole) {
  }

  /**
   * Whether Spark inferred whole numbers of more digits than a long holds (decimal(p, 0), p > 18): such numbers are
   * codes and ids, not amounts, and as numbers they would be modelled in doubles, whose 16 digits made 300 distinct
   * 20-digit references one value; as text they are a key (new values of their form) or categories.
   */
  private static boolean wholeBeyondLong(DataType type) {
    return type instanceof DecimalType decimal && decimal.scale() == 0 && decimal.precision() > 18;
  }

  /** A text column of numbers dressed for people ({@link NumberDress}), whole or fractional. */
  private record DressedNumber(NumberDress dress, boolean whole) {
  }

  /**
   * Where Spark's inferred types give way to the text: the columns to read as text (--string, zero-padded number
   * columns, booleans spelt otherwise than Spark's, and decimal-comma numbers, parsed from it) and the
   * decimal-comma number columns, the text columns of plain numbers beside blank cells (their type: long or
   * double), the columns of numbers or number codes whose blank cells are missing ({@link BlankCells}), the text
   * forms of fractional columns, the columns whose missing cells are written as the null text
   * ({@link MissingText#decide}) and the text columns of ISO date-times with an offset to read as timestamps
   * ({@link MinuteOffsetTimes}); with the row count and each column's cells that are neither missing nor blank in a
   * number column.
   */
  private record Retyping(List<String> asText, Map<String, CommaNumber> commaNumbers,
      Map<String, DressedNumber> dressedNumbers, Map<String, DataType> blankNumbers, Set<String> blanks,
      Map<String, NumberForm> forms, Map<String, String> missingTexts, List<String> offsetTimes, long rows,
      long[] valueCells) {
    /**
     * Decided in one pass over {@code text}, the table's cells as text ({@link CellChecks}), empty cells null and
     * {@code nullValue} cells as that text, with the raw text of malformed rows in its last column (unless the
     * table has no columns).
     *
     * @throws BadInputException if a row of {@code path} has another number of fields than the header, its
     *     header or cells hold text the dialect's encoding could not decode ({@link UndecodedText}), or its cells
     *     hold quotes escaped by a backslash, read with doubled quotes that {@code escapeGiven} did not choose
     *     ({@link BackslashEscapes})
     */
    static Retyping of(StructType inferred, Dataset<Row> text, List<String> strings, CsvDialect dialect,
        boolean escapeGiven, String nullValue, String path) {
      boolean decimalComma = dialect.decimalComma();
      List<Integer> padded = new ArrayList<>();
      List<Integer> spelt = new ArrayList<>();
      List<Integer> comma = new ArrayList<>();
      List<Integer> formed = new ArrayList<>();
      List<Integer> dressed = new ArrayList<>();
      StructField[] fields = inferred.fields();
      for (int c = 0; c < fields.length; c++) {
        if (strings.contains(fields[c].name())) {
          continue;
        }
        DataType type = fields[c].dataType();
        if (type instanceof NumericType) {
          padded.add(c);
        } else if (type.equals(DataTypes.BooleanType)) {
          spelt.add(c);
        }
        if (decimalComma && (type.equals(DataTypes.StringType) || type instanceof FractionalType)) {
          comma.add(c);
        }
        if (type instanceof FractionalType || type.equals(DataTypes.StringType)) {
          formed.add(c);
        }
        if (type.equals(DataTypes.StringType)) {
          dressed.add(c);
        }
      }
      CellChecks found = new CellChecks(indices(padded), indices(spelt), indices(comma), indices(formed),
          indices(dressed), decimalComma, nullValue, inferred.fieldNames(), dialect.quote(),
          dialect.escape().equals(dialect.quote())).over(text);
      if (found.malformedRows() > 0) {
        throw new BadInputException("input '" + path + "' has " + found.malformedRows() + " row"
            + (found.malformedRows() == 1 ? "" : "s") + " whose number of fields is not the header's "
            + fields.length + ", such as '" + found.malformedExample().strip() + "'; fix "
            + (found.malformedRows() == 1 ? "it" : "them") + " (or check " + JobKnobs.CSV_SEP.option() + ", "
            + JobKnobs.CSV_QUOTE.option() + " and " + JobKnobs.MULTI_LINE.option() + ")"
            + BackslashEscapes.hint(found, dialect));
      }
      BackslashEscapes.require(found, dialect, escapeGiven, path);
      UndecodedText.require(inferred.fieldNames(), found, path, dialect.encoding());
      String headerNote = HeaderAsData.note(path, fields, found);
      if (headerNote != null) {
        Notices.print(headerNote);
      }
      List<String> asText = new ArrayList<>(strings);
      for (int k = 0; k < padded.size(); k++) {
        if (found.paddedCells(k) > 0) {
          asText.add(fields[padded.get(k)].name());
        }
      }
      for (int k = 0; k < spelt.size(); k++) {
        if (found.speltCells(k) > 0) {
          asText.add(fields[spelt.get(k)].name());
        }
      }
      for (StructField field : fields) {
        if (wholeBeyondLong(field.dataType()) && !asText.contains(field.name())) {
          asText.add(field.name());
        }
      }
      Map<String, CommaNumber> commaNumbers = new LinkedHashMap<>();
      for (int k = 0; k < comma.size(); k++) {
        String name = fields[comma.get(k)].name();
        String grouping = found.grouping(k);
        // Already a number when ungrouped and without commas (Spark read 3.5 itself): nothing to change.
        if (found.allCommaNumbers(k) && (!grouping.isEmpty() || found.anyComma(k))) {
          commaNumbers.put(name, new CommaNumber(grouping, !found.anyComma(k)));
          if (!asText.contains(name)) {
            asText.add(name);
          }
        }
      }
      Map<String, DressedNumber> dressedNumbers = new LinkedHashMap<>();
      for (int k = 0; k < dressed.size(); k++) {
        NumberDress dress = found.dress(k).dress();
        String name = fields[dressed.get(k)].name();
        if (dress != null && !asText.contains(name) && !commaNumbers.containsKey(name)) {
          dressedNumbers.put(name, new DressedNumber(dress, found.dress(k).whole()));
        }
      }
      Map<String, NumberForm> forms = new LinkedHashMap<>();
      Map<String, DataType> blankNumbers = new LinkedHashMap<>();
      Set<String> blankCodes = new LinkedHashSet<>();
      for (int k = 0; k < formed.size(); k++) {
        NumberForm form = found.form(k);
        int c = formed.get(k);
        String name = fields[c].name();
        if (form != null) {
          forms.put(name, form);
        }
        // Plain numbers (or number codes) that Spark read as text for their blank cells alone.
        if (form == null || found.blankCells(c) == 0 || found.textCells(k) > 0 || commaNumbers.containsKey(name)
            || dressedNumbers.containsKey(name)) {
          continue;
        }
        if (found.codeCells(k) > 0) {
          blankCodes.add(name);
        } else {
          boolean whole = form.scientific() == null && form.maxDecimals() == 0 && form.wholeDecimals() == 0;
          blankNumbers.put(name, whole ? DataTypes.LongType : DataTypes.DoubleType);
        }
      }
      // A text column that is not a number of one of those kinds keeps its text; its number form means nothing.
      forms.keySet().removeIf(name -> !commaNumbers.containsKey(name) && !dressedNumbers.containsKey(name)
          && !blankNumbers.containsKey(name) && (asText.contains(name) || !isTyped(inferred, name)));
      Set<String> blanks = new LinkedHashSet<>();
      for (int c = 0; c < fields.length; c++) {
        String name = fields[c].name();
        if (found.blankCells(c) > 0 && (blankNumbers.containsKey(name) || blankCodes.contains(name)
            || commaNumbers.containsKey(name) || dressedNumbers.containsKey(name))) {
          blanks.add(name);
          Notices.print(BlankCells.note(name, found.blankCells(c), found.rows()));
        }
      }
      long[] nullTextCells = new long[fields.length];
      long[] emptyCells = new long[fields.length];
      long[] valueCells = new long[fields.length];
      for (int c = 0; c < fields.length; c++) {
        nullTextCells[c] = found.nullTextCells(c);
        // A number column's blank cells are missing cells written empty.
        emptyCells[c] = found.emptyCells(c) + (blanks.contains(fields[c].name()) ? found.blankCells(c) : 0);
        valueCells[c] = found.rows() - nullTextCells[c] - emptyCells[c];
      }
      // Every text column is checked for date-times with an offset (as for dressed numbers): a column all of them.
      List<String> offsetTimes = new ArrayList<>();
      for (int k = 0; k < dressed.size(); k++) {
        int c = dressed.get(k);
        if (found.offsetTimeCells(k) > 0 && found.offsetTimeCells(k) == valueCells[c]) {
          offsetTimes.add(fields[c].name());
        }
      }
      long[] shapedCells = new long[fields.length];
      Arrays.setAll(shapedCells, found::nullShapedCells);
      MissingText.mixedForms(inferred.fieldNames(), nullTextCells, emptyCells, nullValue)
          .forEach(note -> Notices.print("note: " + note));
      MissingText.valueLike(inferred.fieldNames(), nullTextCells, emptyCells, shapedCells, valueCells, nullValue)
          .forEach(note -> Notices.print("note: " + note));
      return new Retyping(asText, commaNumbers, dressedNumbers, blankNumbers, blanks, forms,
          MissingText.decide(inferred.fieldNames(), nullTextCells, emptyCells, nullValue), offsetTimes, found.rows(),
          valueCells);
    }

    private static int[] indices(List<Integer> columns) {
      return columns.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * The CSV with Spark's inferred types. With a --datetime-format Spark infers only text in it as timestamps and
   * would read ISO-8601 ones as text: those columns are typed as an inference without it finds them (a second
   * inference pass over the file).
   */
  private static Dataset<Row> inferred(SparkSession spark, CsvDialect dialect, String nullValue, boolean multiLine,
      String datetimeFormat, CsvParts parts) {
    Dataset<Row> inferred = parts.load(csv(spark, dialect, nullValue, multiLine, datetimeFormat)
        .option("inferSchema", "true"), null);
    if (datetimeFormat == null) {
      return inferred;
    }
    StructType typed = withIsoTimestamps(inferred.schema(),
        parts.load(csv(spark, dialect, nullValue, multiLine, null).option("inferSchema", "true"), null).schema());
    return typed.equals(inferred.schema()) ? inferred
        : parts.load(csv(spark, dialect, nullValue, multiLine, datetimeFormat), typed);
  }

  /**
   * A reader in the dialect, its {@code nullValue} cells and empty cells missing; with a --datetime-format, timestamp
   * cells are parsed in it or else as ISO-8601 (Spark's fallback), so that ISO columns typed by {@link
   * #withIsoTimestamps} read too. A quoted empty cell ("") is an empty cell too, as README and --null-value say
   * (Spark's own reading makes it an empty text in a text column, missing in a number column): the read's note
   * and the missing-text tally counted it as one while a text column kept it as a value.
   */
  private static DataFrameReader csv(SparkSession spark, CsvDialect dialect, String nullValue, boolean multiLine,
      String datetimeFormat) {
    DataFrameReader reader = dialect.reader(spark).option("nullValue", nullValue).option("emptyValue", nullValue)
        .option("multiLine", multiLine);
    return datetimeFormat == null ? reader
        : reader.option("timestampFormat", datetimeFormat).option("enableDateTimeParsingFallback", "true");
  }

  /**
   * The schema inferred with a --datetime-format, with the columns it reads as text that inference without it
   * ({@code iso}) finds to be timestamps typed as those: ISO-8601 timestamp columns beside the pattern's.
   */
  private static StructType withIsoTimestamps(StructType inferred, StructType iso) {
    return new StructType(Arrays.stream(inferred.fields())
        .map(f -> f.dataType().equals(DataTypes.StringType) && iso.apply(f.name()).dataType()
            .equals(DataTypes.TimestampType) ? f.copy(f.name(), DataTypes.TimestampType, f.nullable(), f.metadata())
            : f)
        .toArray(StructField[]::new));
  }

  /**
   * The columns of {@code schema} as nullable text: the schema Spark gives a CSV file read without inference
   * (the header's names made safe the same way), so a text read given it needs no job to read the header.
   */
  private static StructType asText(StructType schema) {
    return new StructType(Arrays.stream(schema.fields())
        .map(f -> DataTypes.createStructField(f.name(), DataTypes.StringType, true)).toArray(StructField[]::new));
  }

  /** Whether the schema has a column of this name with a type other than text. */
  private static boolean isTyped(StructType schema, String name) {
    return Arrays.stream(schema.fields()).anyMatch(f -> f.name().equals(name)
        && !f.dataType().equals(DataTypes.StringType));
  }

  /**
   * The columns of {@code schema}: {@code strings} cast to text, {@code commaNumbers} parsed as numbers (their
   * thousands separators dropped, the comma made a point) with their grouping in the metadata, {@code
   * dressedNumbers} undressed, {@code blankNumbers} cast to their type, the blank cells of {@code blanks} missing
   * first, and the text {@code forms} of number columns and the {@code missingTexts} of columns in theirs.
   */
  private static Column[] retyped(StructType schema, List<String> strings, Map<String, CommaNumber> commaNumbers,
      Map<String, DressedNumber> dressedNumbers, Map<String, DataType> blankNumbers, Set<String> blanks,
      Map<String, NumberForm> forms, Map<String, String> missingTexts) {
    Column[] columns = new Column[schema.fields().length];
    for (int c = 0; c < columns.length; c++) {
      String name = schema.fields()[c].name();
      Column column = blanks.contains(name) ? BlankCells.asMissing(ColumnNames.column(name))
          : ColumnNames.column(name);
      DataType blankNumber = blankNumbers.get(name);
      CommaNumber number = commaNumbers.get(name);
      DressedNumber dressed = dressedNumbers.get(name);
      NumberForm form = forms.get(name);
      String missingText = missingTexts.get(name);
      Metadata read = schema.fields()[c].metadata();
      read = form == null ? read : form.addTo(read);
      read = missingText == null ? read : MissingText.addTo(read, missingText);
      MetadataBuilder metadata = new MetadataBuilder().withMetadata(read);
      if (strings.contains(name)) {
        column = column.cast(DataTypes.StringType).as(name);
      } else if (number != null) {
        Column digits = functions.regexp_replace(functions.regexp_replace(functions.trim(column),
            "[" + CellChecks.GROUP_SEPARATORS + "]", ""), ",", ".");
        column = digits.cast(number.whole() ? DataTypes.LongType : DataTypes.DoubleType).as(name,
            metadata.putString(GROUPING, number.grouping()).build());
      } else if (dressed != null) {
        // Everything but the sign, the digits and the decimal mark goes: currency and percent signs, separators.
        Column digits = dressed.dress().decimalComma()
            ? functions.regexp_replace(functions.regexp_replace(column, "[^0-9,+-]", ""), ",", ".")
            : functions.regexp_replace(column, "[^0-9.+-]", "");
        column = digits.cast(dressed.whole() ? DataTypes.LongType : DataTypes.DoubleType)
            .as(name, dressed.dress().addTo(metadata.build()));
      } else if (blankNumber != null) {
        column = column.cast(blankNumber).as(name, metadata.build());
      } else if (form != null || missingText != null || blanks.contains(name)) {
        column = column.as(name, metadata.build());
      }
      columns[c] = column;
    }
    return columns;
  }

  /**
   * A header that names a column twice is refused: Spark reads it with the repeats renamed to the name followed by
   * the column's position (value, value → value0, value1), and the output would carry names the user never wrote.
   * Names that end in their position are common without repeats (pixel_0, pixel_1, …), so a pair of them that
   * could be such a renaming is checked against the header as written, the first file's ({@link CsvParts#header}).
   */
  private static void requireDistinctNames(StructType schema, CsvParts parts, String path) {
    String[] names = schema.fieldNames();
    String[] header = null;
    for (int i = 0; i < names.length; i++) {
      String base = renamedBase(names[i], i);
      for (int j = i + 1; base != null && j < names.length; j++) {
        String other = renamedBase(names[j], j);
        if (other == null || !other.equalsIgnoreCase(base)) {
          continue;
        }
        header = header == null ? parts.header() : header;
        if (header != null && i < header.length && j < header.length && header[i].equalsIgnoreCase(header[j])) {
          // A number named twice is likelier a first row of data than a header: say so.
          throw new BadInputException("input '" + path + "' names two columns '" + header[i] + "' (columns "
              + (i + 1) + " and " + (j + 1) + " of its header); rename one so that every column has its own name"
              + (HeaderAsData.isNumber(header[i]) ? " (or, if the file has no header line, add one naming its "
                  + "columns)" : ""));
        }
      }
    }
  }

  /** The name Spark renamed to {@code name} at position {@code index} (name + index), or null if it cannot be. */
  private static String renamedBase(String name, int index) {
    String suffix = Integer.toString(index);
    return name.length() > suffix.length() && name.endsWith(suffix)
        ? name.substring(0, name.length() - suffix.length()) : null;
  }

  /**
   * A CSV header read as one name that holds a likely separator other than the dialect's is a file in another
   * dialect: refused with the option that reads it (modelling the whole line as one text column helps no one).
   */
  /**
   * A Parquet file read as CSV (--input-format csv) is refused by its magic bytes: its "header" would be binary,
   * and the ragged-rows error that follows printed that binary to the terminal.
   */
  private static void requireText(StructType schema, String path) {
    if (schema.fields().length > 0 && schema.fields()[0].name().startsWith("PAR1")) {
      throw new BadInputException("input '" + path + "' is a Parquet file (it starts with PAR1), read as CSV: give "
          + JobKnobs.INPUT_FORMAT.option() + " parquet, or auto to go by the name");
    }
  }

  private static void requireSeveralColumns(StructType schema, CsvDialect dialect, String path) {
    if (schema.fields().length != 1) {
      return;
    }
    String name = schema.fields()[0].name();
    for (String separator : LIKELY_SEPARATORS) {
      String character = separator.equals("\\t") ? "\t" : separator;
      if (name.contains(character) && !separator.equals(dialect.separator())) {
        String option = JobKnobs.CSV_SEP.option() + " '" + separator + "'";
        throw new BadInputException("input '" + path + "' was read as one column, but its header '"
            + name.replace("\t", "\\t") + "' holds '" + separator + "': give " + option
            + (separator.equals(";") ? " (and " + JobKnobs.DECIMAL_COMMA.option()
                + " if its numbers are written 3,7)" : ""));
      }
    }
  }
}
