package dev.newsvault.seed;

import java.util.List;

/** The usable seeds read from seed files, in file and line order, and the lines that were skipped. */
public record SeedList(List<Seed> seeds, List<SeedProblem> problems) {

  public SeedList {
    seeds = List.copyOf(seeds);
    problems = List.copyOf(problems);
  }

  /** The seeds of one type. */
  public List<Seed> ofType(SeedType type) {
    return seeds.stream().filter(s -> s.type() == type).toList();
  }
}
