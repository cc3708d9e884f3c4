// Ballast dashboard: polls /api/state and renders brokers, balance, anomalies, plan and execution.
// Plain JS, no build step. (No template literals: Maven filters this file's folder.)
(function () {
  "use strict";

  var POLL_MS = 2000;
  var COLORS = {
    score: "#111827", "network-in": "#2563eb", "network-out": "#7c3aed", messages: "#0891b2",
    disk: "#a16207", replicas: "#15803d", leaders: "#db2777"
  };
  var state = null;
  var token = readToken();

  function readToken() {
    var m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
    if (m) {
      var t = decodeURIComponent(m[1]);
      sessionStorage.setItem("ballast-token", t);
      history.replaceState(null, "", window.location.pathname);
      return t;
    }
    return sessionStorage.getItem("ballast-token");
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { e.textContent = attrs[k]; } else if (k === "cls") { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function bytes(n) {
    if (n === null || n === undefined) { return "-"; }
    var units = ["B", "kB", "MB", "GB", "TB"];
    var u = 0;
    while (Math.abs(n) >= 1000 && u < units.length - 1) { n /= 1000; u++; }
    return (u === 0 ? Math.round(n) : n.toFixed(1)) + " " + units[u];
  }

  function num(n, digits) {
    return n === null || n === undefined ? "-" : Number(n).toFixed(digits === undefined ? 0 : digits);
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function message(text, isError) {
    var m = document.getElementById("message");
    m.textContent = text;
    m.className = "message" + (isError ? " error" : "");
    clearTimeout(message.timer);
    message.timer = setTimeout(function () { m.className = "message hidden"; }, 8000);
  }

  function renderHeader(s) {
    var mode = document.getElementById("mode");
    mode.textContent = s.mode === "approval" ? "approval mode" : "automatic";
    mode.className = "badge " + s.mode;
    var age = s.lastSampleTime > 0 ? Math.max(0, Math.round((s.time - s.lastSampleTime) / 1000)) : null;
    document.getElementById("sampled").textContent = age === null ? "no sample yet" : "sampled " + age + " s ago";
    document.getElementById("score").textContent = "balance score " + num(s.balanceScore, 2) + " (band " + num(1 + s.band, 2) + ")";
    document.getElementById("token-state").textContent = token ? "token set" : "no token: approve/cancel disabled";
    document.getElementById("token-form").className = token ? "hidden" : "";
  }

  function figure(label, value, max, text) {
    var bar = el("div", { cls: "bar" }, [el("div")]);
    bar.firstChild.style.width = (max > 0 ? Math.min(100, 100 * value / max) : 0) + "%";
    return el("div", { cls: "figure" }, [el("span", { cls: "muted", text: label }), bar, el("span", { text: text })]);
  }

  function renderBrokers(s) {
    var root = document.getElementById("brokers");
    clear(root);
    if (!s.brokers.length) {
      root.appendChild(el("p", { cls: "muted", text: "waiting for the first sample..." }));
      return;
    }
    var max = { in: 0, out: 0, msg: 0, disk: 0, parts: 0 };
    s.brokers.forEach(function (b) {
      max.in = Math.max(max.in, b.bytesInPerSecond); max.out = Math.max(max.out, b.bytesOutPerSecond);
      max.msg = Math.max(max.msg, b.messagesInPerSecond); max.disk = Math.max(max.disk, b.logSizeBytes);
      max.parts = Math.max(max.parts, b.partitions);
    });
    s.brokers.forEach(function (b) {
      var chips = el("div", { cls: "chips" });
      b.replicas.forEach(function (r) {
        chips.appendChild(el("span", { cls: "chip" + (r.leader ? " leader" : ""), title: r.leader ? "leader" : "follower", text: r.partition }));
      });
      if (b.replicas.length < b.partitions) {
        chips.appendChild(el("span", { cls: "muted small", text: "+" + (b.partitions - b.replicas.length) + " more" }));
      }
      var title = el("h3", null, [
        el("span", { text: "Broker " + b.id + (b.rack ? " \u00b7 rack " + b.rack : "") }),
        el("span", { cls: "badge " + b.state, text: b.stale ? b.state + ", stale" : b.state })
      ]);
      root.appendChild(el("div", { cls: "broker", "data-broker": String(b.id) }, [
        title,
        figure("partitions", b.partitions, max.parts, b.partitions + " (" + b.leaders + " led)"),
        figure("in", b.bytesInPerSecond, max.in, bytes(b.bytesInPerSecond) + "/s"),
        figure("out", b.bytesOutPerSecond, max.out, bytes(b.bytesOutPerSecond) + "/s"),
        figure("msg/s", b.messagesInPerSecond, max.msg, num(b.messagesInPerSecond)),
        figure("disk", b.logSizeBytes, max.disk, bytes(b.logSizeBytes)),
        el("div", { cls: "small muted", text: "canary " + (b.canaryLatencyMs === null ? "-" : num(b.canaryLatencyMs, 1) + " ms") + (b.canaryP99Ms === null ? "" : ", p99 " + num(b.canaryP99Ms, 1) + " ms") }),
        chips
      ]));
    });
  }

  function renderChart(s) {
    var chart = document.getElementById("chart");
    clear(chart);
    var W = 600, H = 220, P = 28;
    var points = s.history;
    var series = ["score"].concat(s.balance.map(function (r) { return r.resource; }));
    var top = 1 + s.band;
    points.forEach(function (p) {
      top = Math.max(top, p.score);
      Object.keys(p.maxOverMean).forEach(function (k) { top = Math.max(top, p.maxOverMean[k]); });
    });
    top = Math.min(Math.ceil(top * 4) / 4 + 0.25, 10);
    function y(v) { return H - P - (Math.min(v, top) - 1) / (top - 1) * (H - 2 * P); }
    function x(i) { return points.length < 2 ? W / 2 : P + i * (W - 2 * P) / (points.length - 1); }
    [1, 1 + s.band, top].forEach(function (v) {
      chart.appendChild(svg("line", { x1: P, x2: W - P, y1: y(v), y2: y(v), stroke: v === 1 + s.band ? "#f59e0b" : "#e5e7eb", "stroke-dasharray": v === 1 + s.band ? "4 3" : "" }));
      var t = svg("text", { x: 2, y: y(v) + 4, "font-size": 10, fill: "#6b7385" });
      t.textContent = v.toFixed(2);
      chart.appendChild(t);
    });
    if (!points.length) {
      var none = svg("text", { x: W / 2 - 80, y: H / 2, "font-size": 12, fill: "#6b7385" });
      none.textContent = "no balance figures yet";
      chart.appendChild(none);
    }
    series.forEach(function (name) {
      var coords = points.map(function (p, i) {
        var v = name === "score" ? p.score : p.maxOverMean[name];
        return v === undefined ? null : x(i).toFixed(1) + "," + y(v).toFixed(1);
      }).filter(function (c) { return c !== null; });
      if (coords.length) {
        chart.appendChild(svg("polyline", { points: coords.join(" "), fill: "none", stroke: COLORS[name] || "#999", "stroke-width": name === "score" ? 2.5 : 1.2 }));
      }
    });
    var legend = document.getElementById("legend");
    clear(legend);
    series.forEach(function (name) {
      var sw = el("i");
      sw.style.background = COLORS[name] || "#999";
      legend.appendChild(el("span", null, [sw, document.createTextNode(name === "score" ? "score (worst)" : name)]));
    });
    var table = document.getElementById("balance-table");
    clear(table);
    table.appendChild(el("tr", null, ["resource", "mean", "max", "max/mean", "std dev / mean"].map(function (h) { return el("th", { text: h }); })));
    s.balance.forEach(function (r) {
      var isBytes = r.resource.indexOf("network") === 0 || r.resource === "disk";
      var unit = r.resource.indexOf("network") === 0 ? "/s" : "";
      table.appendChild(el("tr", { cls: r.idle ? "muted" : "" }, [
        el("td", { text: r.resource + (r.idle ? " (idle)" : "") }),
        el("td", { text: isBytes ? bytes(r.mean) + unit : num(r.mean, 1) }),
        el("td", { text: isBytes ? bytes(r.max) + unit : num(r.max, 1) }),
        el("td", { text: num(r.maxOverMean, 2) }),
        el("td", { text: num(r.relativeStddev, 2) })
      ]));
    });
  }

  function renderAnomalies(s) {
    var ul = document.getElementById("anomalies");
    clear(ul);
    document.getElementById("evaluated").textContent = s.lastEvaluationTime > 0
      ? "(as of the last evaluation, " + new Date(s.lastEvaluationTime).toLocaleTimeString() + ")" : "";
    if (!s.anomalies.length) {
      ul.appendChild(el("li", { cls: "muted", text: s.lastEvaluationTime > 0 ? "none: the cluster is within the band" : "none yet: waiting for the load window to fill" }));
    }
    s.anomalies.forEach(function (a) {
      ul.appendChild(el("li", { cls: a.actionable ? "actionable" : "waiting", text: a.kind + (a.brokers.length ? " " + JSON.stringify(a.brokers) : "") + ": " + a.evidence }));
    });
  }

  function renderPlan(s) {
    var p = s.plan;
    var status = document.getElementById("plan-status");
    status.textContent = p.status;
    status.className = "badge " + p.status;
    var summary = document.getElementById("plan-summary");
    summary.textContent = p.status === "none" ? p.note :
      p.actions.length + " action(s): " + p.replicaMoves + " replica move(s), " + p.leadershipTransfers +
      " leadership change(s), " + bytes(p.bytesToMove) + " to move; worst max/mean " +
      num(p.worstMaxOverMeanBefore, 2) + " \u2192 " + num(p.worstMaxOverMeanAfter, 2) + " \u2014 " + p.note;
    var approve = document.getElementById("approve");
    var awaiting = p.status === "awaiting-approval";
    approve.disabled = !(awaiting && token);
    approve.setAttribute("data-plan", awaiting ? String(p.proposalId) : "");
    document.getElementById("approve-hint").textContent = awaiting
      ? (token ? "plan " + p.proposalId + " waits for approval" : "enter the token below to approve")
      : (s.mode === "approval" ? "plans wait here for approval" : "automatic mode: plans execute as made");
    var body = document.querySelector("#plan-actions tbody");
    clear(body);
    p.actions.forEach(function (a) {
      body.appendChild(el("tr", { "data-partition": a.partition }, [
        el("td", { text: String(a.sequence) }),
        el("td", { text: a.partition }),
        el("td", { text: a.kind }),
        el("td", { text: JSON.stringify(a.oldReplicas) + " \u2192 " + JSON.stringify(a.newReplicas) }),
        el("td", { text: a.oldLeader + " \u2192 " + a.newLeader }),
        el("td", { text: bytes(a.bytesToMove) }),
        el("td", { text: a.reason }),
        el("td", { text: a.detail })
      ]));
    });
  }

  function renderExecution(s) {
    var e = s.execution;
    var work = Math.max(1, e.total - e.skipped);
    document.getElementById("progress-bar").style.width = (e.total ? 100 * (e.done + e.failed) / work : 0) + "%";
    document.getElementById("execution-text").textContent = e.phase === "idle" && !e.total ? "idle: nothing executed yet" :
      e.phase + ": " + e.done + "/" + work + " done, " + e.inFlight + " in flight, " + e.pending + " pending" +
      (e.failed ? ", " + e.failed + " failed" : "") + "; " + bytes(e.bytesDone) + " of " + bytes(e.bytesTotal) + " moved";
    var notes = document.getElementById("execution-notes");
    clear(notes);
    e.notes.forEach(function (n) { notes.appendChild(el("li", { text: n })); });
    document.getElementById("cancel").disabled = !(e.running && token);
  }

  function renderEvents(s) {
    var ul = document.getElementById("events");
    clear(ul);
    s.events.slice(0, 30).forEach(function (ev) {
      ul.appendChild(el("li", { text: new Date(ev.time).toLocaleTimeString() + "  " + ev.kind + ": " + ev.text }));
    });
  }

  function render(s) {
    state = s;
    renderHeader(s);
    renderBrokers(s);
    renderChart(s);
    renderAnomalies(s);
    renderPlan(s);
    renderExecution(s);
    renderEvents(s);
    document.body.setAttribute("data-loaded", "true");
  }

  // A server that runs only a marathon has no balancer: its sections are hidden.
  function renderNoBalancer() {
    var mode = document.getElementById("mode");
    mode.textContent = "marathon";
    mode.className = "badge";
    document.getElementById("sampled").textContent = "no balancer runs in this process";
    document.getElementById("score").textContent = "";
    document.getElementById("token-state").textContent = "";
    document.getElementById("token-form").className = "hidden";
    Array.prototype.forEach.call(document.querySelectorAll("section.balancer"), function (sec) {
      sec.classList.add("hidden");
    });
    document.body.setAttribute("data-loaded", "true");
  }

  function renderMarathon(m) {
    var status = document.getElementById("marathon-status");
    var details = document.getElementById("marathon-details");
    var now = document.getElementById("marathon-now");
    if (!m.running) {
      status.textContent = "none";
      status.className = "badge";
      now.textContent = m.message || "no marathon running";
      details.className = "hidden";
      document.body.setAttribute("data-marathon", "none");
      return;
    }
    status.textContent = m.ended ? "over" : "running";
    status.className = "badge" + (m.ended ? "" : " running");
    now.textContent = (m.ended ? "marathon over" : "round " + m.round + ": " +
      (m.task ? m.task + " (" + (m.phase || "starting") + ")" : "between tasks")) +
      "; " + m.passed + " of " + m.runs + " run(s) passed; " + m.alerts.length + " alert(s) firing";
    details.className = "";
    var alerts = document.querySelector("#marathon-alerts tbody");
    clear(alerts);
    m.alerts.forEach(function (a) {
      alerts.appendChild(el("tr", { cls: "alert" }, [
        el("td", { text: a.labels.severity || "" }), el("td", { text: a.labels.task || "" }),
        el("td", { text: a.labels.checker || "" }), el("td", { text: a.summary }),
        el("td", { text: a.startsAt })
      ]));
    });
    if (!m.alerts.length) { alerts.appendChild(el("tr", {}, [el("td", { cls: "muted", text: "none", colspan: "5" })])); }
    var runs = document.querySelector("#marathon-runs tbody");
    clear(runs);
    m.recent.forEach(function (r) {
      runs.appendChild(el("tr", { cls: "run" }, [
        el("td", { text: String(r.round) }), el("td", { text: r.task }),
        el("td", { cls: r.outcome, text: r.outcome }), el("td", { text: String(r.seconds) }),
        el("td", {}, r.verdicts.map(function (v) {
          return el("div", { cls: v.outcome, text: v.checker + ": " + v.outcome + " " + v.summary });
        }))
      ]));
    });
    document.body.setAttribute("data-marathon", m.ended ? "over" : "running");
  }

  function pollMarathon() {
    fetch("api/marathon", { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(renderMarathon)
      .catch(function () { /* the state poll reports an unreachable server */ })
      .then(function () { setTimeout(pollMarathon, POLL_MS); });
  }

  function poll() {
    fetch("api/state", { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (s) { if (s.balancer === false) { renderNoBalancer(); } else { render(s); } })
      .catch(function (e) { message("cannot reach the Ballast server: " + e.message, true); })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.error || ("HTTP " + r.status)); }
        return j;
      });
    });
  }

  document.getElementById("approve").addEventListener("click", function () {
    var id = Number(this.getAttribute("data-plan"));
    this.disabled = true;
    post("api/approve", { plan: id })
      .then(function (j) { message("plan " + j.plan + " approved: " + j.message); })
      .catch(function (e) { message("approve failed: " + e.message, true); });
  });

  document.getElementById("cancel").addEventListener("click", function () {
    this.disabled = true;
    post("api/cancel")
      .then(function (j) { message("cancelling: " + j.message); })
      .catch(function (e) { message("cancel failed: " + e.message, true); });
  });

  document.getElementById("token-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    token = document.getElementById("token-input").value.trim() || null;
    if (token) { sessionStorage.setItem("ballast-token", token); }
    if (state) { render(state); }
  });

  poll();
  pollMarathon();
}());
