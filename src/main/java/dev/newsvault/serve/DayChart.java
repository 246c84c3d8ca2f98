package dev.newsvault.serve;

import dev.newsvault.archive.WebQueries;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a site's bar chart of articles and changes per day, drawn as SVG by the page template: no
 * script and no chart library, so it renders without JavaScript and passes the page's CSP.
 */
final class DayChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 160;

  private DayChart() {}

  static Models.Chart of(List<WebQueries.DayCount> days) {
    long max = 1;
    for (WebQueries.DayCount d : days) {
      max = Math.max(max, Math.max(d.articles(), d.changes()));
    }
    List<Models.Bar> bars = new ArrayList<>();
    int slot = days.isEmpty() ? WIDTH : Math.max(2, WIDTH / days.size());
    int half = Math.max(1, (slot - 2) / 2);
    for (int i = 0; i < days.size(); i++) {
      WebQueries.DayCount d = days.get(i);
      int ah = (int) Math.round((double) d.articles() / max * (HEIGHT - 10));
      int ch = (int) Math.round((double) d.changes() / max * (HEIGHT - 10));
      bars.add(new Models.Bar(d.day(), d.articles(), d.changes(), i * slot, half, HEIGHT - ah, ah, HEIGHT - ch, ch));
    }
    return new Models.Chart(WIDTH, HEIGHT, max, bars);
  }
}
