package dev.ballast.app.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The marathon's HTTP endpoints on {@code --http-port} (loopback): {@code /metrics} (Prometheus),
 * {@code GET /api/marathon} (JSON) and {@code /} a page that shows the current task and phase,
 * recent verdicts and alerts firing, refreshed from the API.
 */
final class MarathonHttpServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  private MarathonHttpServer(HttpServer server) {
    this.server = server;
  }

  /** Starts on 127.0.0.1:{@code port} (0: a free one). */
  static MarathonHttpServer start(int port, MarathonMetrics metrics, MarathonState state)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.createContext(
        "/metrics", ex -> reply(ex, 200, MarathonMetrics.CONTENT_TYPE, metrics.scrape()));
    server.createContext(
        "/api/marathon",
        ex -> reply(ex, 200, "application/json", JSON.writeValueAsString(state.view())));
    server.createContext(
        "/",
        ex -> {
          if (!ex.getRequestURI().getPath().equals("/")) {
            reply(ex, 404, "text/plain", "not found: try /, /api/marathon or /metrics\n");
            return;
          }
          reply(ex, 200, "text/html; charset=utf-8", PAGE);
        });
    server.start();
    return new MarathonHttpServer(server);
  }

  /** Returns the base URL. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final String PAGE =
      """
      <!doctype html><html><head><meta charset="utf-8"><title>Ballast marathon</title>
      <style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:left}
      .PASS{color:#080}.FAIL,.ERROR{color:#c00}.INCONCLUSIVE{color:#b60}</style></head><body>
      <h1>Ballast marathon</h1><p id="now">loading...</p>
      <h2>Alerts firing</h2><table id="alerts"></table>
      <h2>Recent runs</h2><table id="runs"></table>
      <script>
      function esc(s){return String(s).replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]))}
      async function load(){const m=await (await fetch('api/marathon')).json();
      document.getElementById('now').textContent=m.ended?'marathon over: '+m.passed+' of '+m.runs+' run(s) passed'
        :'round '+m.round+': '+(m.task?m.task+' ('+(m.phase||'starting')+')':'between tasks')+'; '+m.passed+' of '+m.runs+' run(s) passed';
      document.getElementById('alerts').innerHTML='<tr><th>severity</th><th>task</th><th>checker</th><th>summary</th><th>since</th></tr>'
        +m.alerts.map(a=>'<tr><td>'+esc(a.labels.severity)+'</td><td>'+esc(a.labels.task)+'</td><td>'+esc(a.labels.checker)+'</td><td>'+esc(a.summary)+'</td><td>'+esc(a.startsAt)+'</td></tr>').join('');
      document.getElementById('runs').innerHTML='<tr><th>round</th><th>task</th><th>outcome</th><th>seconds</th><th>verdicts</th></tr>'
        +m.recent.map(r=>'<tr><td>'+r.round+'</td><td>'+esc(r.task)+'</td><td class="'+r.outcome+'">'+r.outcome+'</td><td>'+r.seconds+'</td><td>'
        +r.verdicts.map(v=>'<span class="'+v.outcome+'">'+esc(v.checker)+': '+esc(v.summary)+'</span>').join('<br>')+'</td></tr>').join('');}
      load();setInterval(load,2000);
      </script></body></html>
      """;
}
