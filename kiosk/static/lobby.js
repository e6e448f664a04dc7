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
  if (window.EventSource) {
    var es = new EventSource("/events");
    es.addEventListener("refresh", reload);
    es.addEventListener("open", reload); // catch up after a reconnect
  } else {
    setInterval(reload, 60000);
  }
})();
