/* pressfeed review page: lazy sections, filters by fact type, search over names, the value
   tooltip on hover and focus, keyboard navigation. No network, no libraries. */
(function () {
  "use strict";
  var root = document.body;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var navLinks = Array.prototype.slice.call(document.querySelectorAll(".articles-nav a"));
  var tip = document.getElementById("pf-tip");
  var search = document.getElementById("pf-search");
  var count = document.getElementById("pf-count");
  var NAMED = { person: 1, organization: 1, location: 1, role: 1, dateline: 1 };
  var query = "";
  var firstDone = false;

  function hiddenType(type) { return root.classList.contains("hide-" + type); }

  function setFocusable(mark) {
    if (!mark.classList.contains("cont")) mark.tabIndex = hiddenType(mark.dataset.factType) ? -1 : 0;
  }

  function markHits(section) {
    section.querySelectorAll("mark.hit").forEach(function (m) { m.classList.remove("hit"); });
    if (!query) return;
    section.querySelectorAll("mark[data-fact-type]").forEach(function (m) {
      if (NAMED[m.dataset.factType] && m.textContent.toLowerCase().indexOf(query) >= 0) m.classList.add("hit");
    });
  }

  /* a body is stored gzipped in base64 (see page.encode_body); the browser inflates it */
  function inflate(data) {
    var raw = atob(data.trim());
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  var pending = new Map();
  /* render a section's body; returns a promise that settles once it is in the page */
  function render(section) {
    var body = section && section.querySelector(".body");
    if (!body || body.dataset.state === "rendered") return Promise.resolve();
    if (pending.has(body)) return pending.get(body);
    var source = body.querySelector("script");
    var work = inflate(source ? source.textContent : "").then(function (html) {
      pending.delete(body);
      show(section, body, html);
    });
    pending.set(body, work);
    return work;
  }

  function show(section, body, html) {
    body.innerHTML = html;
    body.dataset.state = "rendered";
    body.style.minHeight = "";
    if (/\bhide-/.test(root.className)) body.querySelectorAll("mark[data-fact-type]").forEach(setFocusable);
    markHits(section);
    if (!firstDone) {
      firstDone = true;
      performance.mark("pf-first-section");
      document.documentElement.dataset.firstSection = String(performance.now());
    }
  }

  function renderAll() { return Promise.all(sections.map(render)); }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { render(e.target.closest("section")); observer.unobserve(e.target); }
    });
  }, { rootMargin: "1200px 0px" }) : null;
  sections.forEach(function (s) {
    if (observer) observer.observe(s.querySelector(".body")); else render(s);
  });

  /* filters: the legend's checkboxes hide the marks and the rows of a type */
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var type = box.dataset.filter;
      root.classList.toggle("hide-" + type, !box.checked);
      document.querySelectorAll('mark[data-fact-type="' + type + '"]').forEach(setFocusable);
    });
  });
  document.getElementById("pf-tags").addEventListener("change", function (e) {
    root.classList.toggle("tags-off", !e.target.checked);
  });

  /* search over the names of each article (people, aliases, titles, organizations, places) */
  function applySearch() {
    query = search.value.trim().toLowerCase();
    var shown = 0;
    sections.forEach(function (s, i) {
      var match = !query || s.dataset.names.indexOf(query) >= 0;
      s.hidden = !match;
      navLinks[i].parentNode.hidden = !match;
      if (match) { shown += 1; markHits(s); }
    });
    count.textContent = query ? shown + " of " + sections.length + " articles" : "";
  }
  var searchTimer = 0;
  search.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applySearch, 120);
  });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { clearTimeout(searchTimer); applySearch(); }
  });

  /* the tooltip: the normalized value of the evidence under the pointer or in focus, and of
     the evidence around it */
  function entryFor(mark) {
    var section = mark.closest("section");
    return mark.dataset.fact.split(" ").map(function (key) {
      var row = section.querySelector('tr[data-fact="' + key + '"]');
      if (!row) return "";
      return '<div class="entry"><strong>' + row.querySelector(".tag").textContent + ": " +
        mark.textContent.replace(/[<&>]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }) +
        "</strong>" + row.querySelector(".val").innerHTML + "</div>";
    }).join("");
  }
  function showTip(mark) {
    var html = "";
    for (var m = mark; m; m = m.parentElement && m.parentElement.closest("mark[data-fact-type]")) {
      if (!hiddenType(m.dataset.factType)) html += entryFor(m);
    }
    if (!html) { hideTip(); return; }
    tip.innerHTML = html;
    tip.hidden = false;
    var r = mark.getClientRects()[0] || mark.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
    var top = r.bottom + 6 + h > window.innerHeight ? r.top - h - 6 : r.bottom + 6;
    tip.style.left = left + "px";
    tip.style.top = Math.max(4, top) + "px";
    tip.dataset.fact = mark.dataset.fact;
  }
  function hideTip() { tip.hidden = true; tip.dataset.fact = ""; }

  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest && e.target.closest("mark[data-fact-type]");
    if (mark) showTip(mark);
  });
  document.addEventListener("mouseout", function (e) {
    var mark = e.target.closest && e.target.closest("mark[data-fact-type]");
    if (mark && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest("mark[data-fact-type]"))) hideTip();
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark[data-fact-type]")) {
      e.target.setAttribute("aria-describedby", "pf-tip");
      showTip(e.target);
    }
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.matches && e.target.matches("mark[data-fact-type]")) hideTip();
  });

  /* evidence <-> facts table */
  function findRow(mark) {
    var row = mark.closest("section").querySelector('tr[data-fact="' + mark.dataset.fact.split(" ")[0] + '"]');
    if (!row) return;
    document.querySelectorAll("tr.current").forEach(function (r) { r.classList.remove("current"); });
    row.classList.add("current");
    row.querySelector("a.ev").focus();
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.ev");
    if (!link) return;
    e.preventDefault();
    var key = link.closest("tr").dataset.fact;
    var mark = link.closest("section").querySelector('mark[data-fact~="' + key + '"]:not(.cont)');
    if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus({ preventScroll: true }); }
  });

  /* navigation between articles */
  function visible() { return sections.filter(function (s) { return !s.hidden; }); }
  function currentIndex(list) {
    var edge = document.querySelector(".top").getBoundingClientRect().bottom + 1;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].getBoundingClientRect().bottom > edge) return i;
    }
    return list.length - 1;
  }
  var ABOVE_PX = 1400; /* a little more than the observer's margin */
  function goTo(section) {
    if (!section) return Promise.resolve();
    /* render the sections just above first: rendered later, they would push the target down;
       their estimated heights decide how many */
    var work = [render(section)];
    var above = 0;
    for (var i = sections.indexOf(section) - 1; i >= 0 && above < ABOVE_PX; i -= 1) {
      if (sections[i].hidden) continue;
      work.push(render(sections[i]));
      above += sections[i].offsetHeight;
    }
    section.scrollIntoView();
    section.querySelector("h2").focus({ preventScroll: true });
    return Promise.all(work).then(function () { section.scrollIntoView(); });
  }
  function step(delta) {
    var list = visible();
    if (!list.length) return;
    var i = currentIndex(list) + delta;
    goTo(list[Math.max(0, Math.min(list.length - 1, i))]);
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Escape") { hideTip(); return; }
    if (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "j" || e.key === "n") { e.preventDefault(); step(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); step(-1); }
    else if (e.key === "/") { e.preventDefault(); search.focus(); }
    else if (e.key === "Enter" && t.matches("mark[data-fact-type]")) { e.preventDefault(); findRow(t); }
  });
  function fromHash() {
    var m = /^#a-(\d+)$/.exec(location.hash);
    if (m) goTo(sections[Number(m[1])]);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  var ticking = false;
  var lastLink = null;
  window.addEventListener("scroll", function () {
    if (ticking) return;
    ticking = true;
    requestAnimationFrame(function () {
      ticking = false;
      var list = visible();
      var link = navLinks[sections.indexOf(list[currentIndex(list)])];
      if (link === lastLink) return;
      if (lastLink) lastLink.classList.remove("current");
      if (link) link.classList.add("current");
      lastLink = link;
    });
  }, { passive: true });
  window.addEventListener("beforeprint", renderAll);

  window.pressfeedReview = { render: render, renderAll: renderAll, sections: sections };
})();
