package dev.newsvault.render;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.fetch.HostRequests;
import java.util.Map;

/** A newsvault stand-in for {@link OrphanTest}: renders one page, prints its browser's pids, then waits to be killed. */
public final class BrowserHolder {

  private BrowserHolder() {}

  public static void main(String[] args) throws Exception {
    BrowserPool pool = BrowserPool.open(ConfigLoader.load(null, false, Map.of("work.dir", args[0])));
    pool.render("data:text/html,<p>held</p>", HostRequests.NONE, false);
    System.out.println("pids " + pool.pids());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
