// The phone forms, with JavaScript on: a draft kept on the phone, so a closed
// tab or a lost answer loses nothing; each field checked by the server as
// the visitor leaves it; one tap sends once; focus on the error summary.
// Everything here is a help: without it the server does the same work.
(function () {
  "use strict";
  var DRAFT_DAYS = 3;
  var draftKey = function (kind) { return "frontdesk:draft:" + kind; };
  var storage = null;
  try { storage = window.localStorage; storage.getItem("x"); } catch (e) { storage = null; }

  // A receipt means the form went through: its draft is no longer needed.
  var done = document.querySelector("[data-draft-done]");
  if (done && storage) {
    var kind = done.getAttribute("data-draft-done");
    if (kind) storage.removeItem(draftKey(kind));
  }

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }

  var form = document.querySelector("form[data-kind]");
  if (!form) return;
  var kind = form.getAttribute("data-kind");

  function fields() {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (el.name && el.name !== "token" && el.type !== "submit" && el.type !== "button") out.push(el);
    }
    return out;
  }

  function readDraft() {
    if (!storage) return null;
    try {
      var d = JSON.parse(storage.getItem(draftKey(kind)) || "null");
      if (!d || !d.v || Date.now() - d.at > DRAFT_DAYS * 864e5) return null;
      return d;
    } catch (e) { return null; }
  }

  function saveDraft() {
    if (!storage) return;
    var v = {};
    fields().forEach(function (el) {
      if (el.type === "radio") { if (el.checked) v[el.name] = el.value; }
      else if (el.type === "checkbox") v[el.name] = el.checked ? el.value : "";
      else v[el.name] = el.value;
    });
    try { storage.setItem(draftKey(kind), JSON.stringify({ at: Date.now(), v: v })); } catch (e) { /* full: no draft */ }
  }

  function setValue(el, value) {
    if (el.type === "radio") el.checked = el.value === value;
    else if (el.type === "checkbox") el.checked = value !== "" && value === el.value;
    else if (el.tagName === "SELECT") {
      var has = false;
      for (var i = 0; i < el.options.length; i++) if (el.options[i].value === value) has = true;
      if (!has && value) el.add(new Option(value, value));
      el.value = value;
    } else el.value = value;
  }

  // A form opened afresh takes back the draft, the one-time key with it:
  // a submission whose answer was lost then gives its first receipt.
  var draft = form.getAttribute("data-fresh") === "1" ? readDraft() : null;
  if (draft) {
    var any = false;
    fields().forEach(function (el) {
      if (Object.prototype.hasOwnProperty.call(draft.v, el.name)) {
        if (draft.v[el.name] !== "" && el.type !== "hidden") any = true;
        setValue(el, draft.v[el.name]);
      }
    });
    if (any) {
      var note = document.createElement("p");
      note.className = "notice";
      note.id = "draft-notice";
      note.setAttribute("role", "status");
      note.textContent = document.documentElement.lang === "en"
        ? "What you typed last time is back. " : "已恢复您上次填写但未提交的内容。";
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "secondary";
      clear.textContent = document.documentElement.lang === "en" ? "Start over" : "清空重填";
      clear.addEventListener("click", function () {
        storage.removeItem(draftKey(kind));
        location.reload();
      });
      note.appendChild(document.createTextNode(" "));
      note.appendChild(clear);
      form.parentNode.insertBefore(note, form);
    }
  }
  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);
  saveDraft();

  // As the visitor leaves a field, the server checks the form and the
  // fields already left show their messages.
  var left = {};
  var timer = null;
  function showError(name, message) {
    var p = document.getElementById("err-" + name);
    var el = document.getElementById(name);
    if (!p || !el) return;
    if (message) {
      if (p.textContent !== message) {
        p.textContent = message;
        p.setAttribute("role", "alert");
      }
      p.hidden = false;
      el.setAttribute("aria-invalid", "true");
      el.setAttribute("aria-describedby", p.id);
    } else {
      p.hidden = true;
      p.textContent = "";
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    }
  }
  function check() {
    var body = new URLSearchParams(new FormData(form));
    fetch("/f/" + kind + "/check", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (res) {
        Object.keys(left).forEach(function (name) { showError(name, res.errors[name] || ""); });
      })
      .catch(function () { /* offline: the server checks on submit */ });
  }
  form.addEventListener("focusout", function (e) {
    var el = e.target;
    if (!el.name || el.type === "hidden" || el.type === "submit") return;
    // start and end are checked together: a message may move between them.
    left[el.name] = true;
    if (el.name === "start" || el.name === "end") { left.start = true; left.end = true; }
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  });

  // One tap sends once; the button comes back if the answer never does.
  var sending = false;
  form.addEventListener("submit", function (e) {
    var by = e.submitter;
    if (by && by.getAttribute("formmethod") === "get") return;
    if (sending) { e.preventDefault(); return; }
    sending = true;
    var btn = form.querySelector("button.send");
    if (btn) {
      btn.disabled = true;
      btn.setAttribute("aria-busy", "true");
      btn.setAttribute("data-label", btn.textContent);
      btn.textContent = document.documentElement.lang === "en" ? "Sending…" : "正在提交…";
    }
    setTimeout(release, 15000);
  });
  function release() {
    sending = false;
    var btn = form.querySelector("button.send");
    if (btn && btn.disabled) {
      btn.disabled = false;
      btn.removeAttribute("aria-busy");
      btn.textContent = btn.getAttribute("data-label") || btn.textContent;
    }
  }
  window.addEventListener("pageshow", release);

  // The booking form: a new venue or date shows that day; a free span
  // fills in the times without leaving the page.
  var show = document.getElementById("show-day");
  // The day is asked for by a post in the background, so what was typed
  // (the phone too) stays out of every URL, and the page is not reloaded;
  // without fetch, or when it fails, the button posts the whole form.
  function showDay() {
    if (!window.fetch || !window.DOMParser || !window.URLSearchParams) { show.click(); return; }
    var body = new URLSearchParams(new FormData(form));
    body.set("show", "day");
    fetch(show.getAttribute("formaction"), { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ["when", "start", "end"].forEach(function (id) {
          var from = doc.getElementById(id), to = document.getElementById(id);
          if (from && to) to.innerHTML = from.innerHTML;
        });
      })
      .catch(function () { show.click(); });
  }
  if (show) {
    ["venue", "date"].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.addEventListener("change", function () { saveDraft(); showDay(); });
    });
    var when = document.getElementById("when");
    if (when) when.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("button.pick") : null;
      if (!a) return;
      e.preventDefault();
      setValue(document.getElementById("start"), a.getAttribute("data-start"));
      setValue(document.getElementById("end"), a.getAttribute("data-end"));
      saveDraft();
      left.start = true; left.end = true;
      check();
      document.getElementById("start").focus();
    });
  }
})();
