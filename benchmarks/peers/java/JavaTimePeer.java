// java.time's peer in the harness (benchmarks/peers/run): JapaneseDate, JapaneseChronology and
// DateTimeFormatter, as an application would use them.
//
//   java -cp DIR JavaTimePeer --work DIR [--reps R] [--budget SECONDS] [--only op,op]
//
// Patterns "GGGGy年M月d日" (平成22年12月31日) and "GGGGGy.M.d" (H22.12.31), Locale.JAPAN,
// JapaneseChronology, the default (SMART) resolver. Parsing resolves to a JapaneseDate and then
// to its epoch day; formatting starts from the epoch day (JapaneseChronology.dateEpochDay).
// The protocol is peer_common.hpp's: a checking pass over all items (which also warms the JIT),
// then timed repetitions folding each result into a checksum; one JSON line per operation.
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

public final class JavaTimePeer {
  private static String work;
  private static int reps = 5;
  private static double budget = 1.0;
  private static List<String> only = null;
  // The process's CPU time (all threads: the JIT's and the collector's too): on a shared machine,
  // the time slices other processes take do not count. Its resolution is 10 ms here, so a timed
  // repetition should last ~0.5 s or more (the harness's --budget).
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static List<String> lines(String name) throws IOException {
    List<String> l = Files.readAllLines(Path.of(work, name), StandardCharsets.UTF_8);
    if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
    return l;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void measure(String op, String impl, String note, int n, IntFunction<String> answer,
                              IntToLongFunction fold) throws IOException {
    if (only != null && !only.contains(op)) return;
    List<String> answers = new ArrayList<>(n);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; ++i) answers.add(answer.apply(i));
    double checkNs = (double) (System.nanoTime() - t0) / n;
    String file = "answers/" + (impl + "." + op + ".txt").replaceAll("[^A-Za-z0-9._]", "_");
    Files.write(Path.of(work, file), answers, StandardCharsets.UTF_8);
    answers = null;
    int timed = n;
    if (checkNs * n > budget * 1e9) timed = (int) Math.min(n, Math.max(10000, budget * 1e9 / checkNs));
    double[] ns = new double[reps], cpuNs = new double[reps];
    long checksum = 0;
    for (int r = 0; r < reps; ++r) {
      long sink = 0;
      long s0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
      for (int i = 0; i < timed; ++i) sink += fold.applyAsLong(i);
      long s1 = System.nanoTime(), c1 = OS.getProcessCpuTime();
      ns[r] = (double) (s1 - s0) / timed;
      cpuNs[r] = (double) (c1 - c0) / timed;
      checksum += sink;
    }
    StringBuilder b = new StringBuilder();
    b.append("{\"op\":\"").append(escape(op)).append("\",\"impl\":\"").append(escape(impl))
        .append("\",\"lang\":\"Java ").append(System.getProperty("java.version"))
        .append("\",\"n\":").append(n).append(",\"n_timed\":").append(timed).append(",\"ns_per_op\":[");
    for (int r = 0; r < reps; ++r) b.append(r > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", ns[r]));
    b.append("],\"cpu_ns_per_op\":[");
    for (int r = 0; r < reps; ++r) b.append(r > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", cpuNs[r]));
    b.append("],\"checksum\":").append(checksum).append(",\"answers\":\"").append(escape(file)).append("\"");
    if (!note.isEmpty()) b.append(",\"note\":\"").append(escape(note)).append("\"");
    b.append("}");
    System.out.println(b);
  }

  public static void main(String[] args) throws IOException {
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--work": work = args[i + 1]; break;
        case "--reps": reps = Integer.parseInt(args[i + 1]); break;
        case "--budget": budget = Double.parseDouble(args[i + 1]); break;
        case "--only": only = Arrays.asList(args[i + 1].split(",")); break;
        default: throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (work == null) throw new IllegalArgumentException("--work DIR is required");
    final String impl = "java.time DateTimeFormatter";
    final DateTimeFormatter kanjiFormat =
        DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN).withChronology(JapaneseChronology.INSTANCE);
    final DateTimeFormatter abbrevFormat =
        DateTimeFormatter.ofPattern("GGGGGy.M.d", Locale.JAPAN).withChronology(JapaneseChronology.INSTANCE);
    final String[] kanji = lines("kanji.txt").toArray(new String[0]);
    final String[] abbrev = lines("abbrev.txt").toArray(new String[0]);
    final String[] iso = lines("iso.txt").toArray(new String[0]);
    final List<String> dayLines = lines("days.txt");
    final long[] days = new long[dayLines.size()];
    for (int i = 0; i < days.length; ++i) days[i] = Long.parseLong(dayLines.get(i));

    Object[][] parses = {{"parse_kanji", kanji, kanjiFormat}, {"parse_abbrev", abbrev, abbrevFormat}};
    for (Object[] p : parses) {
      final String[] items = (String[]) p[1];
      final DateTimeFormatter f = (DateTimeFormatter) p[2];
      measure((String) p[0], impl, "", items.length, i -> {
        try {
          return Long.toString(JapaneseDate.from(f.parse(items[i])).toEpochDay());
        } catch (DateTimeParseException e) {
          return "E";
        }
      }, i -> {
        try {
          return JapaneseDate.from(f.parse(items[i])).toEpochDay();
        } catch (DateTimeParseException e) {
          return 0;
        }
      });
    }
    measure("parse_iso", "java.time LocalDate.parse", "ISO-8601", iso.length,
        i -> Long.toString(LocalDate.parse(iso[i]).toEpochDay()), i -> LocalDate.parse(iso[i]).toEpochDay());

    Object[][] formats = {{"format_kanji", kanjiFormat}, {"format_abbrev", abbrevFormat}};
    for (Object[] p : formats) {
      final DateTimeFormatter f = (DateTimeFormatter) p[1];
      measure((String) p[0], impl, "", days.length,
          i -> f.format(JapaneseChronology.INSTANCE.dateEpochDay(days[i])),
          i -> {
            String s = f.format(JapaneseChronology.INSTANCE.dateEpochDay(days[i]));
            return s.length() + s.charAt(s.length() - 1);
          });
    }

    // Day → era date. JapaneseEra values: 明治 −1, 大正 0, 昭和 1, 平成 2, 令和 3.
    measure("to_era", "java.time JapaneseDate", "dateEpochDay, then era, year of era, month, day", days.length,
        i -> {
          JapaneseDate d = JapaneseChronology.INSTANCE.dateEpochDay(days[i]);
          return (d.getEra().getValue() + 1) + " " + d.get(ChronoField.YEAR_OF_ERA) + " " +
              d.get(ChronoField.MONTH_OF_YEAR) + " " + d.get(ChronoField.DAY_OF_MONTH);
        },
        i -> {
          JapaneseDate d = JapaneseChronology.INSTANCE.dateEpochDay(days[i]);
          return d.getEra().getValue() + d.get(ChronoField.YEAR_OF_ERA) + d.get(ChronoField.MONTH_OF_YEAR) +
              d.get(ChronoField.DAY_OF_MONTH);
        });
  }
}
