// Search of the published decisions through the site's static Pagefind
// indexes, one per quarter of decision dates (pagefind/2024-q1/ …, listed
// newest first in the form's data-shards): every shard is searched and the
// results merged, by score, or shard by shard in date order. Every choice
// lives in the page's address, so a search or a filtered list can be
// bookmarked and shared:
//   search.html?q=aftercare&organisation=…&decision=Upheld&from=2024-01&to=2024-12&sort=newest&page=2
// and ?ref=23+007+412 goes straight to that record. No case data is held
// here: results come from the index, which holds only published pages.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var PAGE_SIZE = 20;
  var refForm = document.getElementById("reference-form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pages = document.getElementById("search-pages");
  var needsScript = document.getElementById("search-needs-script");
  var params = new URLSearchParams(window.location.search);
  var dimensions = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  form.hidden = false;
  refForm.hidden = false;
  if (needsScript) { needsScript.hidden = true; }
  ["q", "from", "to", "sort"].forEach(function (name) {
    if (params.get(name)) { form.elements[name].value = params.get(name); }
  });
  if (params.get("ref")) { refForm.elements.ref.value = params.get("ref"); }
  // Empty choices stay out of the address.
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && !el.value) { el.disabled = true; }
    });
  });

  function say(text) { status.textContent = text; }

  // The block of a thousand references a reference is in, as the site
  // names its reference pages: "23 007 412b" -> "23007".
  function block(reference) {
    var bare = reference.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/[a-z]+$/, "");
    var group = bare.slice(0, Math.max(0, bare.length - 3));
    return group || "other";
  }
  function plain(reference) { return reference.toLowerCase().replace(/[^a-z0-9]/g, ""); }

  async function lookUp(reference) {
    say("Looking for " + reference + "…");
    var page = new URL("references/" + block(reference) + ".html", window.location.href);
    try {
      var response = await fetch(page);
      if (response.ok) {
        var doc = new DOMParser().parseFromString(await response.text(), "text/html");
        var links = doc.querySelectorAll("a[data-reference]");
        for (var i = 0; i < links.length; i++) {
          if (plain(links[i].getAttribute("data-reference")) === plain(reference)) {
            window.location.replace(new URL(links[i].getAttribute("href"), page).href);
            return true;
          }
        }
      }
    } catch (e) { /* fall through to the message */ }
    say("No published decision has the reference " + reference + ". Check it, or search for it as words below.");
    return false;
  }

  // Pagefind's excerpt marks the words found; keep only text and <mark>.
  function excerpt(html) {
    var out = document.createElement("p");
    out.className = "summary";
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function result(data) {
    var li = document.createElement("li");
    li.className = "card";
    var h = document.createElement("h3");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    var kind = data.filters && data.filters.kind ? data.filters.kind[0] : "";
    meta.textContent = [kind, data.meta.date, data.meta.decision].filter(Boolean).join(" · ");
    li.appendChild(meta);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function pageLink(n, label, current) {
    var next = new URLSearchParams(params);
    next.set("page", String(n));
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "?" + next.toString();
    a.innerHTML = "";
    if (label) {
      a.textContent = label;
      a.rel = label === "Previous" ? "prev" : "next";
    } else {
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = "Page ";
      a.appendChild(hidden);
      a.appendChild(document.createTextNode(String(n)));
    }
    if (current) { a.setAttribute("aria-current", "page"); }
    li.appendChild(a);
    return li;
  }

  function paging(count, current) {
    pages.textContent = "";
    if (count < 2) { pages.hidden = true; return; }
    var ul = document.createElement("ul");
    if (current > 1) { ul.appendChild(pageLink(current - 1, "Previous")); }
    var last = 0;
    for (var n = 1; n <= count; n++) {
      if (n === 1 || n === count || Math.abs(n - current) <= 2) {
        if (n > last + 1) {
          var gap = document.createElement("li");
          gap.className = "gap";
          gap.setAttribute("aria-hidden", "true");
          gap.textContent = "…";
          ul.appendChild(gap);
        }
        ul.appendChild(pageLink(n, null, n === current));
        last = n;
      }
    }
    if (current < count) { ul.appendChild(pageLink(current + 1, "Next")); }
    pages.appendChild(ul);
    pages.hidden = false;
  }

  function fillFilters(available) {
    dimensions.forEach(function (select) {
      var key = select.getAttribute("data-filter");
      var values = Object.keys(available[key] || {});
      values.sort(key === "year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) { return a.localeCompare(b); });
      var wanted = params.get(key) || "";
      if (wanted && values.indexOf(wanted) < 0) { values.unshift(wanted); }
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        var count = (available[key] || {})[value];
        option.textContent = count === undefined ? value : value + " (" + count + ")";
        select.appendChild(option);
      });
      select.value = wanted;
    });
  }

  async function run() {
    if (params.get("ref") && await lookUp(params.get("ref"))) { return; }
    var shards = (form.getAttribute("data-shards") || "").split(" ").filter(Boolean);
    if (!shards.length) { say("Nothing is published yet."); return; }
    var instances;
    try {
      // Each shard's own copy of Pagefind's script, so that each runs in a
      // worker of its own (one worker's Pagefind holds one index at a time).
      var root = new URL("pagefind/", window.location.href);
      instances = [];
      for (var j = 0; j < shards.length; j++) {
        var instance = await import(new URL(shards[j] + "/pagefind.js", root).href);
        await instance.init();
        instances.push(instance);
      }
    } catch (e) {
      say("Search could not start. Browse the decisions instead, or find one by its reference.");
      return;
    }
    // Every shard's filter values, with their counts added up.
    var available = {};
    var perShard = [];
    for (var k = 0; k < instances.length; k++) { perShard.push(await instances[k].filters()); }
    perShard.forEach(function (f) {
      Object.keys(f).forEach(function (key) {
        available[key] = available[key] || {};
        Object.keys(f[key]).forEach(function (value) {
          available[key][value] = (available[key][value] || 0) + f[key][value];
        });
      });
    });
    fillFilters(available);
    var query = (params.get("q") || "").trim();
    var filters = {};
    dimensions.forEach(function (select) {
      var key = select.getAttribute("data-filter");
      if (params.get(key)) { filters[key] = params.get(key); }
    });
    var from = params.get("from"), to = params.get("to");
    if (from || to) {
      // The months with decisions that fall in the range ("YYYY-MM"
      // compares as text).
      var months = Object.keys(available.month || {}).filter(function (m) {
        return (!from || m >= from) && (!to || m <= to);
      });
      filters.month = { any: months.length ? months : ["none"] };
    }
    if (!query) { filters.kind = "Record"; }
    var order = params.get("sort") || (query ? "" : "newest");
    var options = { filters: filters };
    if (order === "newest") { options.sort = { date: "desc" }; }
    if (order === "oldest") { options.sort = { date: "asc" }; }
    if (params.get("ref") && !query) { return; }
    say("Searching…");
    // One shard after another: Pagefind's shared worker is not asked two
    // searches at once.
    var found = [];
    for (var n = 0; n < instances.length; n++) {
      found.push(await instances[n].search(query || null, options));
    }
    var results;
    if (options.sort) {
      // Shards are newest first, each sorted by date within.
      var ordered = order === "oldest" ? found.slice().reverse() : found;
      results = ordered.reduce(function (all, f) { return all.concat(f.results); }, []);
    } else {
      results = found.reduce(function (all, f) { return all.concat(f.results); }, []);
      results.sort(function (a, b) { return b.score - a.score; });
    }
    var search = { results: results };
    var total = search.results.length;
    var count = Math.max(1, Math.ceil(total / PAGE_SIZE));
    var current = Math.min(Math.max(1, Number(params.get("page")) || 1), count);
    var shown = await Promise.all(
      search.results.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map(function (r) { return r.data(); }),
    );
    list.textContent = "";
    shown.forEach(function (data) { list.appendChild(result(data)); });
    paging(count, current);
    var what = query ? "result" : "record";
    if (total === 0) {
      say("Nothing published matches. Try fewer words or filters.");
    } else {
      say(total + " " + what + (total === 1 ? "" : "s") + (count > 1 ? ", page " + current + " of " + count : "") + ".");
    }
  }
  run().catch(function (e) {
    say("Search could not finish (" + e.message + "). Browse the decisions instead, or find one by its reference.");
  });
}());
