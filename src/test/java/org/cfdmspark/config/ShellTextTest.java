package org.cfdmspark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellTextTest {
  @Test
  void aValueIsQuotedForTheShellWhenItNeedsIt() {
    assertEquals("customer_id", ShellText.word("customer_id"));
    assertEquals("visit=MM/dd/yyyy", ShellText.word("visit=MM/dd/yyyy"));
    assertEquals("'Order ID'", ShellText.word("Order ID"));
    assertEquals("'US date=MM/dd/yyyy'", ShellText.word("US date=MM/dd/yyyy"));
    assertEquals("\"O'Brien\"", ShellText.word("O'Brien"));
    assertEquals("'O'\\''Brien $1'", ShellText.word("O'Brien $1"), "a quote and a dollar: quotes escaped");
    assertEquals("'$price'", ShellText.word("$price"), "a shell would expand it");
  }
}
