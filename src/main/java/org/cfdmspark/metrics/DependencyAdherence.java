package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.encoding.CategoryDependencies;

/**
 * DependencyAdherence: for each functional dependency between the training table's categorical columns ("sub_grade
 * determines grade", found by the rule the model's codec uses: {@link CategoryDependencies}), the share of
 * synthetic rows whose dependent value is the one training pairs with their determinant's value. Expected 1: a
 * fresh row of the table keeps its rules, and a generator that decodes columns one by one can break them (a
 * sample with grade B and sub_grade C2). Rows whose determinant value training never had are left out
 * ({@link CategoryAdherence} counts those); a missing cell is a value like any other.
 */
final class DependencyAdherence {
  private DependencyAdherence() {
  }

  /** One score per dependency of {@code train}'s categorical columns, named "A determines B". */
  static List<Validity.ColumnScore> of(EvalTable train, EvalTable synthetic) {
    List<Integer> categorical = new ArrayList<>();
    for (int c = 0; c < train.columns().size(); c++) {
      if (train.columns().get(c) instanceof EvalColumn.Categorical) {
        categorical.add(c);
      }
    }
    List<Map<String, Integer>> codeOf = new ArrayList<>();
    int[][] codes = new int[categorical.size()][];
    int[] codeCounts = new int[categorical.size()];
    for (int k = 0; k < codes.length; k++) {
      Map<String, Integer> values = new HashMap<>();
      String[] cells = ((EvalColumn.Categorical) train.columns().get(categorical.get(k))).values();
      codes[k] = new int[cells.length];
      for (int r = 0; r < cells.length; r++) {
        codes[k][r] = values.computeIfAbsent(cells[r], value -> values.size());
      }
      codeOf.add(values);
      codeCounts[k] = values.size();
    }
    List<Validity.ColumnScore> scores = new ArrayList<>();
    for (CategoryDependencies.Found dependency : CategoryDependencies.find(codes, codeCounts)) {
      int determinant = categorical.get(dependency.determinant());
      int dependent = categorical.get(dependency.dependent());
      String[] a = ((EvalColumn.Categorical) synthetic.columns().get(determinant)).values();
      String[] b = ((EvalColumn.Categorical) synthetic.columns().get(dependent)).values();
      long counted = 0;
      long kept = 0;
      for (int r = 0; r < a.length; r++) {
        Integer code = codeOf.get(dependency.determinant()).get(a[r]);
        if (code != null) {
          counted++;
          Integer pair = codeOf.get(dependency.dependent()).get(b[r]);
          kept += pair != null && pair == dependency.dependentCode()[code] ? 1 : 0;
        }
      }
      scores.add(new Validity.ColumnScore(train.columns().get(determinant).name() + " determines "
          + train.columns().get(dependent).name(), counted == 0 ? Double.NaN : (double) kept / counted));
    }
    return scores;
  }
}
