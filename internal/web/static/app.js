// veille UI: progressive enhancement only; every page works without it.
"use strict";
document.addEventListener("keydown", function (e) {
  // "/" focuses the search box, as on many sites.
  var t = e.target;
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
  var q = document.getElementById("q");
  if (q) { e.preventDefault(); q.focus(); q.select(); }
});
