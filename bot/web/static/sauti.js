// Sauti pages: small progressive enhancements. No inline scripts (strict CSP).
(function () {
  "use strict";

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d)) { return; }
      var today = new Date().toDateString() === d.toDateString();
      el.title = d.toLocaleString();
      el.textContent = today
        ? d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
        : d.toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    });
  }

  function scrollChat() {
    var chat = document.getElementById("chat") || document.getElementById("transcript-box");
    if (chat) { chat.scrollTop = chat.scrollHeight; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    scrollChat();
  });

  document.addEventListener("htmx:afterSwap", function (ev) {
    localTimes(ev.detail.target || document);
    var id = ev.detail.target && ev.detail.target.id;
    if (id === "transcript" || id === "case-transcript") { scrollChat(); }
  });

  // Composer forms: clear after a successful send, close the sheet they sit in.
  document.addEventListener("htmx:afterRequest", function (ev) {
    var form = ev.detail.elt;
    if (!ev.detail.successful || !form || form.tagName !== "FORM") { return; }
    if (form.hasAttribute("data-reset")) { form.reset(); }
    if (form.hasAttribute("data-close")) {
      var sheet = form.closest("details");
      if (sheet) { sheet.open = false; }
    }
    var input = document.getElementById("message");
    if (input && form.hasAttribute("data-reset")) { input.focus(); }
  });

  // "Send location" under a bubble opens the location sheet of the composer.
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("[data-open]");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("data-open"));
    if (target) {
      target.open = true;
      var first = target.querySelector("button, input");
      if (first) { first.focus(); }
    }
  });
})();
