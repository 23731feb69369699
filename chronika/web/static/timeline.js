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
      var shown = { id: item.id, start: item.start, className: item.className, type: item.type,
                    title: escaped(item.date + " (" + item.precision + ", " + item.where + "): " + item.text) };
      // A band (a decade, a century) lies behind the events, unlabelled (its title names it).
      shown.content = item.type === "background" ? "" : content(item);
      if (item.end) shown.end = item.end;
      return shown;
    }));
    var phone = window.matchMedia && window.matchMedia("(max-width: 40rem)").matches;
    var options = {
      zoomMin: DAY,             // down to days
      zoomMax: 1000 * YEAR,     // up to centuries
      stack: true,
      maxHeight: phone ? 380 : 520,
      verticalScroll: true,     // a dense stretch scrolls inside the chart, the page does not grow
      margin: { item: 6 },
      showTooltips: true,
      tooltip: { followMouse: false, overflowMethod: "cap" },
      xss: { disabled: false },
      orientation: { axis: "both" }
    };
    // Opened on the stretch where the events are dense (computed by the server), not on every outlier.
    if (holder.dataset.start && holder.dataset.end) {
      options.start = holder.dataset.start;
      options.end = holder.dataset.end;
    }
    var timeline = new vis.Timeline(holder, items, options);
    var byId = {};
    raw.forEach(function (item) { byId[item.id] = item; });
    timeline.on("select", function (props) {
      var item = byId[props.items[0]];  // a cluster's id is not an event's: zooming in opens it
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
