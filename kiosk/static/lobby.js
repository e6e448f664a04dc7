// The lobby screen: tick the clock in the center's time zone and reload the
// live part of the page when the server says something changed. Without
// this script the page refreshes itself every minute.
(function () {
  "use strict";
  var clock = document.getElementById("clock");
  var tz = clock ? clock.getAttribute("data-tz") : "";
  function tick() {
    if (!clock) return;
    try {
      clock.textContent = new Date().toLocaleTimeString("zh-CN", { timeZone: tz, hour12: false, hour: "2-digit", minute: "2-digit" });
    } catch (e) { /* an unknown zone keeps the server's time */ }
  }
  tick();
  setInterval(tick, 1000);

  var busy = false;
  function swap(doc, id) {
    var now = document.getElementById(id), next = doc.getElementById(id);
    if (now && next && now.innerHTML !== next.innerHTML) now.replaceWith(next);
  }
  function reload() {
    if (busy) return;
    busy = true;
    fetch("/", { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        swap(doc, "codes");
        swap(doc, "schedule");
        var d = doc.getElementById("date"), cur = document.getElementById("date");
        if (d && cur) cur.textContent = d.textContent;
        document.body.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () { /* the next event or the next rotation tries again */ })
      .then(function () { busy = false; });
  }
  // The codes are reloaded every minute whatever the event stream does, so
  // they stay fresh even when it is refused, cut or silent. A stream that
  // fails for good (the browser stops retrying after a refusal) is opened
  // again after a pause, with polling in between.
  setInterval(reload, 60000);
  var pollFast = null;
  function polling(on) {
    if (on && !pollFast) pollFast = setInterval(reload, 15000);
    if (!on && pollFast) { clearInterval(pollFast); pollFast = null; }
    document.body.setAttribute("data-polling", on ? "1" : "0");
  }
  function connect() {
    if (!window.EventSource) { polling(true); return; }
    var es = new EventSource("/events");
    es.addEventListener("refresh", reload);
    es.addEventListener("open", function () { polling(false); reload(); }); // catch up after a reconnect
    es.addEventListener("error", function () {
      if (es.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      es.close();
      polling(true);
      setTimeout(connect, 30000);
    });
  }
  connect();
})();
