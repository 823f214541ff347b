/* ideaboard: sort and filter the board from its sharded index (api/board/), and flag
   stale votes (the header's search is ideaboard-search.js).  No framework.  Text from
   the index is only ever set with textContent.  Each change of sort, status or tag
   fetches one page of one view (generator/render/shards.py), never the whole board. */
(function () {
  "use strict";

  // Votes older than stale_days: decided in the browser, so the built pages stay identical.
  document.querySelectorAll(".ib-stale[data-synced]").forEach(function (el) {
    var at = Date.parse(el.getAttribute("data-synced"));
    var days = Number(el.getAttribute("data-stale-days"));
    if (at && days && Date.now() - at > days * 86400000) el.hidden = false;
  });


  var form = document.querySelector("[data-ib-board]");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-base") || "";
  var root = form.getAttribute("data-shards");
  var pageSize = Number(form.getAttribute("data-page")) || 60;
  var holder = document.querySelector("[data-ib-cards]");
  var counter = document.querySelector("[data-ib-count]");
  var more = document.querySelector("[data-ib-more]");
  var nojs = document.querySelector("[data-ib-nojs]");
  // The board's words, in its language: a JSON block the page renders (board.html).
  var words = document.querySelector("[data-ib-strings]");
  if (!words) return;
  var T = JSON.parse(words.textContent);
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(T.lang) : null;
  function plural(table, n) {
    return table[rules ? rules.select(n) : n === 1 ? "one" : "other"] || table.other;
  }
  var numbers = window.Intl && Intl.NumberFormat ? new Intl.NumberFormat(T.lang) : null;
  function number(n) { return numbers ? numbers.format(n) : String(n); }
  function say(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (m, k) { return k in values ? values[k] : m; });
  }
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

  // The icon is the count's ::before (ideaboard.css), as on the pages the build writes.
  function count(n, word, title, cls) {
    var span = el("span", "ib-count " + cls);
    span.title = say(plural(title, n), { num: number(n) });
    span.appendChild(document.createTextNode(number(n)));
    span.appendChild(el("span", "md-visually-hidden", " " + plural(word, n)));
    return span;
  }

  // A card of the index: [slug, title, summary, status, votes, comments, [tag numbers]].
  function card(c) {
    var status = meta.statuses[c[3]] || [c[3], "open"];
    var li = el("li", "ib-card");
    li.setAttribute("data-slug", c[0]);
    var h = el("h2", "ib-card__title");
    var a = el("a", "", c[1]);
    a.href = base + "ideas/" + encodeURIComponent(c[0]) + ".html";
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "ib-card__summary", c[2]));
    var row = el("div", "ib-card__meta");
    var badge = el("span", "ib-badge ib-badge--" + status[1], status[0]);
    badge.setAttribute("data-status", c[3]);
    row.appendChild(badge);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(count(c[4], T.vote, T.votes_title, "ib-count--votes"));
    row.appendChild(document.createTextNode(" "));
    row.appendChild(count(c[5], T.comment, T.comments_title, "ib-count--comments"));
    li.appendChild(row);
    if (c[6] && c[6].length) {
      var tags = el("ul", "ib-tags");
      tags.setAttribute("aria-label", T.tags);
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
        list.setAttribute("aria-label", T.ideas);
        holder.appendChild(list);
      }
      var next = q.buffer.splice(0, pageSize);
      next.forEach(function (c) { list.appendChild(card(c)); });
      q.shown += next.length;
      if (!q.shown) {
        holder.appendChild(el("p", "ib-empty", T.empty));
      }
      counter.textContent = say(plural(T.showing, q.total), {
        shown: q.shown, count: q.total, order: T.orders[q.sort] || T.orders.trending });
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
