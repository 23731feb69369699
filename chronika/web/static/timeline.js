// The interactive timeline (vis-timeline): items from the page's JSON, coloured by the precision
// of their dates, zoomable from centuries to days; choosing an item opens its citation.
(function () {
  "use strict";
  var DAY = 24 * 3600 * 1000, YEAR = 365.25 * DAY;

  function content(item) {
    // Built from text nodes, never HTML: the text comes from the sources.
    var box = document.createElement("span");
    var when = document.createElement("b");
    when.textContent = item.date;
    box.appendChild(when);
    box.appendChild(document.createTextNode(" " + (item.text.length > 60 ? item.text.slice(0, 58) + "…" : item.text)));
    return box;
  }

  // vis-timeline shows a string title as HTML: escape the source's words so they stay text.
  function escaped(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function start() {
    var holder = document.getElementById("timeline");
    var data = document.getElementById("timeline-items");
    if (!holder || !data || typeof vis === "undefined") return;
    var raw = JSON.parse(data.textContent);
    var items = new vis.DataSet(raw.map(function (item) {
      var shown = { id: item.id, start: item.start, className: item.className, type: item.type, content: content(item),
                    title: escaped(item.date + " (" + item.precision + ", " + item.where + "): " + item.text) };
      if (item.end) shown.end = item.end;
      return shown;
    }));
    var timeline = new vis.Timeline(holder, items, {
      zoomMin: DAY,             // down to days
      zoomMax: 1000 * YEAR,     // up to centuries
      stack: true,
      maxHeight: 520,
      margin: { item: 6 },
      showTooltips: true,
      tooltip: { followMouse: false, overflowMethod: "cap" },
      xss: { disabled: false },
      orientation: { axis: "both" }
    });
    var byId = {};
    raw.forEach(function (item) { byId[item.id] = item; });
    timeline.on("select", function (props) {
      var item = byId[props.items[0]];
      if (item) window.location.href = item.href;
    });
    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "in") timeline.zoomIn(0.6);
        else if (how === "out") timeline.zoomOut(0.6);
        else timeline.fit();
      });
    });
    window.chronikaTimeline = timeline;  // for the browser tests and the curious
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
