package org.cfdmspark.cli;

import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** One subcommand of {@code cfdm-spark}: its options and what it does with them. */
interface CliCommand {
  /**
   * A usage line's start (after picocli's "Usage: "): the launcher and where Spark's options go. Written out rather
   * than picocli's synopsis, which lists every option in brackets, the required ones among them.
   */
  String SYNOPSIS_START = "./submit.sh [spark options] ";
  /** The start of a usage's further lines, under the first. */
  String SYNOPSIS_INDENT = "       " + SYNOPSIS_START;

  /** The name typed after {@code submit.sh}. */
  String name();

  /** Declares the options (usually from knob definitions). */
  CommandSpec spec();

  /** Runs with the parsed options; returns the exit code. User errors are thrown as BadInputException. */
  int run(ParseResult parsed, PrintStream out) throws Exception;
}
