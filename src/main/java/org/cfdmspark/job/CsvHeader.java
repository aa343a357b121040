package org.cfdmspark.job;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.catalyst.csv.CSVExprUtils;

/**
 * The header of a CSV file as written: its first record, parsed by the parser Spark's CSV reader uses (univocity),
 * in the dialect's separator, quote, escape and character set, decompressed as Spark would by the file's
 * extension (.gz). Spark itself only hands out the names it made of the header (an empty name becomes
 * {@code _c} and its position, a repeated one gets its position appended); reading the first record costs one
 * open of the file and a few kilobytes, not a Spark job.
 */
final class CsvHeader {
  /** Spark's own limit on a record's fields (its CSV option maxColumns). */
  private static final int MAX_COLUMNS = 20480;

  private CsvHeader() {
  }

  /**
   * The header of the CSV file at {@code file} (a Hadoop path), an empty name as "", or null when the file holds
   * no record (an empty part file).
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  static String[] of(Configuration conf, CsvDialect dialect, String file) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(CSVExprUtils.toDelimiterStr(dialect.separator()));
    settings.getFormat().setQuote(dialect.quote().charAt(0));
    settings.getFormat().setQuoteEscape(dialect.escape().charAt(0));
    settings.setCommentProcessingEnabled(false);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxColumns(MAX_COLUMNS);
    settings.setMaxCharsPerColumn(-1);
    settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
    settings.setReadInputOnSeparateThread(false);
    CsvParser parser = new CsvParser(settings);
    Path path = new Path(file);
    try (InputStream in = open(conf, path)) {
      // Given the stream and the charset (not a reader), the parser skips a byte-order mark as Spark's does.
      parser.beginParsing(in, Charset.forName(dialect.encoding()));
      String[] header = parser.parseNext();
      parser.stopParsing();
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header of '" + file + "'", e);
    }
  }

  /** The file at {@code path}, decompressed as Spark would by its extension (.gz). */
  static InputStream open(Configuration conf, Path path) throws IOException {
    InputStream raw = path.getFileSystem(conf).open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    try {
      return codec == null ? raw : codec.createInputStream(raw);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }
}
