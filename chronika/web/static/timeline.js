// The interactive timeline (vis-timeline): items from the page's JSON, coloured by the precision
// of their dates, zoomable from centuries to days; choosing an item opens its citation.
// Dense stretches cluster: where more than MAX_IN_BIN events start within the time BIN_PX pixels
// show at the current zoom, one item says how many there are; choosing it (click, or Enter on
// it) zooms to them. vis-timeline's own `cluster` option (8.5.4) is not used: it clusters only
// after the first change of the window (the first drawing shows every item), and its cluster
// elements carry no id and take no focus, so the keyboard cannot reach them.
(function () {
  "use strict";
  var DAY = 24 * 3600 * 1000, YEAR = 365.25 * DAY;
  var BIN_PX = 100, MAX_IN_BIN = 5;

  // The events shown at this zoom: every band, every event alone in its stretch, and a cluster
  // for each stretch holding more than MAX_IN_BIN (unless the reader opened it at this zoom).
  function clustered(raw, bin, opened) {
    var shown = [], bins = {};
    raw.forEach(function (item) {
      var kept = opened[item.id];
      if (item.type === "background" || (kept && bin <= kept * 1.5)) { shown.push(item); return; }
      var key = Math.floor(Date.parse(item.start) / bin);
      (bins[key] = bins[key] || []).push(item);
    });
    Object.keys(bins).forEach(function (key) {
      var members = bins[key];
      if (members.length <= MAX_IN_BIN) { shown = shown.concat(members); return; }
      var first = Infinity, last = -Infinity;
      members.forEach(function (m) {
        first = Math.min(first, Date.parse(m.start));
        last = Math.max(last, Date.parse(m.end || m.start));
      });
      shown.push({ id: "cluster-" + key + "-" + Math.round(bin), cluster: true, members: members,
                   first: first, last: last, start: new Date(first).toISOString().slice(0, 10) });
    });
    return shown;
  }

  function years(first, last) {
    var a = new Date(first).getUTCFullYear(), b = new Date(last).getUTCFullYear();
    return a === b ? String(a) : a + "–" + b;
  }

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
    var whole = [Infinity, -Infinity];  // the span of every event: "Show all"
    raw.forEach(function (item) {
      item.id = String(item.id);  // as the element's data-id says it
      whole[0] = Math.min(whole[0], Date.parse(item.start));
      whole[1] = Math.max(whole[1], Date.parse(item.end || item.start));
    });
    var margin = Math.max((whole[1] - whole[0]) * 0.03, 30 * DAY);
    function shape(item) {
      if (item.cluster) {
        var label = item.members.length + " events, " + years(item.first, item.last) + ": choose to zoom in";
        var box = document.createElement("span");
        box.textContent = item.members.length + " events";
        return { id: item.id, start: item.start, type: "box", className: "cluster", content: box, title: escaped(label),
                 label: label };
      }
      var shown = { id: item.id, start: item.start, className: item.className, type: item.type,
                    title: escaped(item.date + " (" + item.precision + ", " + item.where + "): " + item.text),
                    label: item.date + ": " + item.text + " (opens the source)" };
      // A band (a decade, a century) lies behind the events, unlabelled (its title names it).
      shown.content = item.type === "background" ? "" : content(item);
      if (item.end) shown.end = item.end;
      return shown;
    }
    var items = new vis.DataSet([]);
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
      dataAttributes: ["id"],   // each item's element says which it is: the keyboard reaches it
      orientation: { axis: "both" }
    };
    // Opened on the stretch where the events are dense (computed by the server), not on every outlier.
    if (holder.dataset.start && holder.dataset.end) {
      options.start = holder.dataset.start;
      options.end = holder.dataset.end;
    } else {
      options.start = whole[0] - margin;
      options.end = whole[1] + margin;
    }
    var timeline = new vis.Timeline(holder, items, options);
    var status = document.getElementById("timeline-status");
    var byId = {}, opened = {}, bin = 0;

    function recluster() {
      var range = timeline.getWindow(), width = holder.clientWidth || 800;
      var wanted = (range.end - range.start) / width * BIN_PX;
      if (bin && Math.abs(wanted - bin) / bin < 0.01) return;  // panned, not zoomed: the same clusters
      bin = wanted;
      var shown = clustered(raw, bin, opened), keep = {};
      byId = {};
      shown.forEach(function (item) { byId[item.id] = item; keep[item.id] = true; });
      items.remove(items.getIds().filter(function (id) { return !keep[id]; }));
      items.update(shown.filter(function (item) { return !items.get(item.id); }).map(shape));
    }

    function choose(id) {
      var item = byId[id];
      if (!item) return;
      if (!item.cluster) { window.location.href = item.href; return; }
      var span = item.last - item.first, pad = Math.max(span * 0.1, DAY);
      if (span < 2 * DAY) {  // on one day (or dated alike): zooming cannot part them, so they open here
        item.members.forEach(function (m) { opened[m.id] = bin; });
        bin = 0;
      }
      timeline.setWindow(item.first - pad, item.last + pad, { animation: false });
      recluster();
      if (status) status.textContent = item.members.length + " events of " + years(item.first, item.last) + " shown.";
      holder.focus();
    }

    // Every item's element takes the focus and answers Enter or Space as a click does (marked as
    // vis-timeline draws it: an element appears when its item scrolls into view).
    var marking = false;
    function mark() {
      marking = false;
      holder.querySelectorAll(".vis-item[data-id]:not(.vis-background):not([tabindex])").forEach(function (el) {
        var item = items.get(el.getAttribute("data-id"));
        if (!item) return;
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", item.label);
      });
    }
    new MutationObserver(function () {
      if (!marking) { marking = true; window.requestAnimationFrame(mark); }
    }).observe(holder, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-id"] });
    holder.addEventListener("keydown", function (event) {
      var el = event.target.closest && event.target.closest(".vis-item[data-id]");
      if (!el || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      choose(el.getAttribute("data-id"));
    });
    timeline.on("select", function (props) {
      if (props.items.length) choose(props.items[0]);
    });
    timeline.on("rangechanged", recluster);
    recluster();
    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "in") timeline.zoomIn(0.6);
        else if (how === "out") timeline.zoomOut(0.6);
        else timeline.setWindow(whole[0] - margin, whole[1] + margin);
      });
    });
    window.chronikaTimeline = timeline;  // for the browser tests and the curious
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
