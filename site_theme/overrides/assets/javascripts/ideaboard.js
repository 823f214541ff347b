/* ideaboard: sort and filter the board from its sharded index (api/board/), search
   with Pagefind, and flag stale votes.  No framework.  Text from the index is only
   ever set with textContent.  Each change of sort, status or tag fetches one page of
   one view (generator/render/shards.py), never the whole board. */
(function () {
  "use strict";

  // Votes older than stale_days: decided in the browser, so the built pages stay identical.
  document.querySelectorAll(".ib-stale[data-synced]").forEach(function (el) {
    var at = Date.parse(el.getAttribute("data-synced"));
    var days = Number(el.getAttribute("data-stale-days"));
    if (at && days && Date.now() - at > days * 86400000) el.hidden = false;
  });


  // The header's search, with Pagefind: it loads only the index fragments a query needs.
  (function () {
    var box = document.querySelector("[data-ib-search]");
    if (!box) return;
    var input = box.querySelector(".md-search__input");
    var list = box.querySelector(".md-search-result__list");
    var status = box.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    var root = new URL(box.getAttribute("data-ib-search"), location.href);
    var engine = null, timer = null, asked = 0;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind.js", root).href).then(function (pf) {
          return pf.options({ baseUrl: new URL("..", root).pathname }).then(function () { return pf; });
        });
      }
      return engine;
    }

    // Pagefind's excerpt is escaped text with <mark> around the matches: keep only those.
    function excerpt(html) {
      var p = document.createElement("p");
      var decode = document.createElement("textarea");
      html.split(/(<\/?mark>)/).forEach(function (part, i, parts) {
        if (part === "<mark>" || part === "</mark>") return;
        decode.innerHTML = part;
        var text = document.createTextNode(decode.value);
        if (parts[i - 1] === "<mark>") {
          var mark = document.createElement("mark");
          mark.appendChild(text);
          p.appendChild(mark);
        } else {
          p.appendChild(text);
        }
      });
      return p;
    }

    function show(results, query, mine) {
      if (mine !== asked) return;
      list.textContent = "";
      status.textContent = results.length ? results.length + (results.length === 1 ?
        " matching idea" : " matching ideas") : "No matching ideas";
      results.forEach(function (r) {
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        var a = document.createElement("a");
        a.className = "md-search-result__link";
        a.href = r.url;
        var article = document.createElement("article");
        article.className = "md-search-result__article md-typeset";
        var h = document.createElement("h1");
        h.textContent = r.title;
        article.appendChild(h);
        article.appendChild(excerpt(r.excerpt || ""));
        a.appendChild(article);
        li.appendChild(a);
        list.appendChild(li);
      });
    }

    // Idea pages are indexed GROUP to a page (generator/plugin/search.py): a match in
    // one is a sub-result whose anchor is the idea's slug.
    function items(data) {
      var out = [];
      data.forEach(function (d) {
        if (d.url.indexOf("/_ideas/") < 0) {
          out.push({ url: d.url, title: (d.meta && d.meta.title) || d.url, excerpt: d.excerpt });
          return;
        }
        (d.sub_results || []).forEach(function (sub) {
          var hash = sub.url.indexOf("#");
          if (hash < 0 || !(sub.locations && sub.locations.length)) return;
          var slug = decodeURIComponent(sub.url.slice(hash + 1));
          out.push({ url: new URL("../ideas/" + encodeURIComponent(slug) + "/", root).pathname,
                     title: sub.title, excerpt: sub.excerpt });
        });
      });
      return out.slice(0, 10);
    }

    function run() {
      var query = input.value.trim();
      var mine = ++asked;
      if (!query) { list.textContent = ""; return; }
      load().then(function (pf) { return pf.search(query); }).then(function (found) {
        if (mine !== asked || !found) return;
        return Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); }))
          .then(function (data) { show(items(data), query, mine); });
      }).catch(function () { status.textContent = "Search is not available"; });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); run(); });
    // The dialog opens with Material's toggle, as Material's own search does.
    if (toggle) {
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
      input.addEventListener("focus", function () { toggle.checked = true; load(); });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
      });
    }
  })();

  var form = document.querySelector("[data-ib-board]");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-base") || "";
  var root = form.getAttribute("data-shards");
  var pageSize = Number(form.getAttribute("data-page")) || 60;
  var holder = document.querySelector("[data-ib-cards]");
  var counter = document.querySelector("[data-ib-count]");
  var more = document.querySelector("[data-ib-more]");
  var nojs = document.querySelector("[data-ib-nojs]");
  var SORT_WORDS = { trending: "trending first", top: "most votes first",
                     newest: "newest first", changed: "recently changed first" };
  var meta = null, pages = {}, query = null, generation = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function getJSON(url) {
    if (!pages[url]) {
      pages[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return pages[url];
  }

  function count(n, one, many, icon, cls) {
    var span = el("span", "ib-count " + cls);
    span.title = n + " " + (n === 1 ? one : many);
    var i = el("span", "ib-icon " + icon);
    i.setAttribute("aria-hidden", "true");
    span.appendChild(i);
    span.appendChild(document.createTextNode(String(n)));
    span.appendChild(el("span", "md-visually-hidden", " " + (n === 1 ? one : many)));
    return span;
  }

  // A card of the index: [slug, title, summary, status, votes, comments, [tag numbers]].
  function card(c) {
    var status = meta.statuses[c[3]] || [c[3], "open"];
    var li = el("li", "ib-card");
    li.setAttribute("data-slug", c[0]);
    var h = el("h2", "ib-card__title");
    var a = el("a", "", c[1]);
    a.href = base + "ideas/" + encodeURIComponent(c[0]) + "/";
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "ib-card__summary", c[2]));
    var row = el("div", "ib-card__meta");
    var badge = el("span", "ib-badge ib-badge--" + status[1], status[0]);
    badge.setAttribute("data-status", c[3]);
    row.appendChild(badge);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(count(c[4], "vote", "votes", "ib-icon--votes", "ib-count--votes"));
    row.appendChild(document.createTextNode(" "));
    row.appendChild(count(c[5], "comment", "comments", "ib-icon--comments", "ib-count--comments"));
    li.appendChild(row);
    if (c[6] && c[6].length) {
      var tags = el("ul", "ib-tags");
      tags.setAttribute("aria-label", "Tags");
      c[6].forEach(function (t) {
        var name = meta.tags[t];
        var item = el("li");
        var link = el("a", "ib-tag", name[1]);
        link.href = base + "tags/" + encodeURIComponent(name[0]) + "/";
        item.appendChild(link);
        tags.appendChild(item);
      });
      li.appendChild(tags);
    }
    return li;
  }

  function state() {
    return { sort: form.elements.sort.value, category: form.elements.category.value,
             tag: form.elements.tag.value };
  }

  function categoryOf(c) { return (meta.statuses[c[3]] || [null, "open"])[1]; }

  // Which view's pages to read, and what to keep of them.  A tag with a status
  // reads the tag's pages and keeps that status; a tag alone hides duplicates.
  function makeQuery(s) {
    var q = { sort: s.sort, next: 0, pages: Infinity, total: null, buffer: [], shown: 0,
              category: s.category, keep: null };
    if (!s.tag) {
      q.view = s.category ? "c-" + s.category : "all";
    } else {
      q.view = "t-" + s.tag;
      q.keep = function (c) {
        var cat = categoryOf(c);
        return s.category ? cat === s.category : cat !== "duplicate";
      };
    }
    return q;
  }

  function totalOf(q, page) {
    if (!q.keep) return page.total;
    var counts = page.counts || {};
    if (q.category) return counts[q.category] || 0;
    return page.total - (counts.duplicate || 0);
  }

  // Read pages of the view until a screenful of matches is buffered (or none are left).
  function fill(q, mine) {
    if (q.buffer.length >= pageSize || q.next >= q.pages) return Promise.resolve();
    var url = root + q.view + "/" + q.sort + "/" + q.next + ".json";
    return getJSON(url).then(function (page) {
      if (mine !== generation) return;
      q.pages = page.pages;
      if (q.total === null) q.total = totalOf(q, page);
      q.next += 1;
      page.ideas.forEach(function (c) { if (!q.keep || q.keep(c)) q.buffer.push(c); });
      return fill(q, mine);
    });
  }

  function showMore() {
    var q = query, mine = generation;
    more.disabled = true;
    holder.setAttribute("aria-busy", "true");
    return fill(q, mine).then(function () {
      if (mine !== generation) return;
      holder.removeAttribute("aria-busy");
      // The cards of the last view stay until the new ones are here.
      if (!q.shown) holder.textContent = "";
      var list = holder.querySelector("ol.ib-cards");
      if (!list && q.buffer.length) {
        holder.textContent = "";
        list = el("ol", "ib-cards");
        list.setAttribute("aria-label", "Ideas");
        holder.appendChild(list);
      }
      var next = q.buffer.splice(0, pageSize);
      next.forEach(function (c) { list.appendChild(card(c)); });
      q.shown += next.length;
      if (!q.shown) {
        holder.appendChild(el("p", "ib-empty", "No ideas match these filters."));
      }
      counter.textContent = "Showing " + q.shown + " of " + q.total +
        (q.total === 1 ? " idea, " : " ideas, ") + SORT_WORDS[q.sort] + ".";
      more.hidden = q.shown >= q.total;
      more.disabled = false;
    }).catch(function () { holder.removeAttribute("aria-busy"); more.disabled = false; });
  }

  function apply() {
    var s = state();
    generation += 1;
    query = makeQuery(s);
    var params = new URLSearchParams();
    if (s.sort !== "trending") params.set("sort", s.sort);
    if (s.category) params.set("status", s.category);
    if (s.tag) params.set("tag", s.tag);
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    return showMore();
  }

  function select(name, value) {
    var field = form.elements[name];
    for (var i = 0; i < field.options.length; i++) {
      if (field.options[i].value === value) { field.value = value; return true; }
    }
    return false;
  }

  getJSON(root + "meta.json")
    .then(function (data) {
      meta = data;
      var params = new URLSearchParams(location.search);
      var changed = [select("sort", params.get("sort") || "trending") && params.get("sort"),
                     select("category", params.get("status") || "") && params.get("status"),
                     select("tag", params.get("tag") || "") && params.get("tag")];
      form.hidden = false;
      if (nojs) nojs.hidden = true;
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      more.addEventListener("click", showMore);
      // The page already shows the first cards of the default view: fetch only if the
      // address asks for another one.
      query = makeQuery(state());
      if (changed.some(Boolean)) return apply();
      query.shown = holder.querySelectorAll(".ib-card").length;
      query.next = 1;
      query.total = Number(form.getAttribute("data-total")) || query.shown;
      more.hidden = query.shown >= query.total;
    })
    .catch(function () { /* keep the server-rendered board */ });
})();
