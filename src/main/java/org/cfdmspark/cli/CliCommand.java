package org.cfdmspark.cli;

import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** One subcommand of {@code cfdm-spark}: its options and what it does with them. */
interface CliCommand {

  /** The name typed after {@code submit.sh}. */
  String name();

  /** Declares the options (usually from knob definitions). */
  CommandSpec spec();

  /** Runs with the parsed options; returns the exit code. User errors are thrown as BadInputException. */
  int run(ParseResult parsed, PrintStream out) throws Exception;
}
