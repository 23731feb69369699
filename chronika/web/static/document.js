// Marks the words a citation points at (#c-START-END: offsets into the document's clean text)
// and scrolls them into view. Each passage's element holds exactly text[data-start:data-end].
// A long document is shown a part at a time: a citation or passage (#p-N) in another part opens
// that part (#text's data-parts: each part's first and last offset and passage).
(function () {
  "use strict";

  // The part holding `hash`'s words or passage, where it is not this one; else null.
  function elsewhere(hash) {
    var text = document.getElementById("text");
    if (!text || !text.dataset.parts) return null;
    var spans = JSON.parse(text.dataset.parts), here = Number(text.dataset.part);
    var cited = /^#c-(\d+)-(\d+)$/.exec(hash), passage = /^#p-(\d+)$/.exec(hash);
    for (var k = 0; k < spans.length; k++) {
      var holds = cited ? Number(cited[1]) >= spans[k][0] && Number(cited[1]) < spans[k][1]
                        : passage ? Number(passage[1]) >= spans[k][2] && Number(passage[1]) <= spans[k][3] : false;
      if (holds) return k + 1 === here ? null : k + 1;
    }
    return null;
  }

  function follow() {
    var part = elsewhere(window.location.hash);
    if (part === null) return false;
    var url = new URL(window.location.href);
    url.searchParams.set("part", String(part));
    window.location.replace(url.toString());
    return true;
  }

  function clear() {
    document.querySelectorAll("mark.cited").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
  }

  // The pieces of text nodes that fall inside [start, end), found before any is wrapped.
  function pieces(start, end) {
    var found = [];
    document.querySelectorAll("#text .content[data-start]").forEach(function (el) {
      var offset = Number(el.dataset.start);
      if (Number(el.dataset.end) <= start || offset >= end) return;
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var from = Math.max(start - offset, 0), to = Math.min(end - offset, node.length);
        if (from < to) found.push([node, from, to]);
        offset += node.length;
        if (offset >= end) break;
      }
    });
    return found;
  }

  function mark() {
    if (follow()) return;
    var match = /^#c-(\d+)-(\d+)$/.exec(window.location.hash);
    clear();
    if (!match) return;
    var start = Number(match[1]), end = Number(match[2]);
    var marks = pieces(start, end).map(function (piece) {
      var range = document.createRange();
      range.setStart(piece[0], piece[1]);
      range.setEnd(piece[0], piece[2]);
      var el = document.createElement("mark");
      el.className = "cited";
      range.surroundContents(el);
      return el;
    });
    var note = document.getElementById("cited-note");
    if (!marks.length) {
      if (note) { note.hidden = false; note.textContent = "The cited characters " + start + "–" + end + " are not in this text."; }
      return;
    }
    marks[0].id = "cited";
    marks[0].tabIndex = -1;
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
    if (note) {
      note.hidden = false;
      note.textContent = "The cited words (characters " + start + "–" + end + ") are marked in the text.";
    }
  }

  window.addEventListener("hashchange", mark);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
