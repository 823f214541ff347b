/* ideaboard: sort and filter the board from api/board.json, and flag stale votes.
   No framework. Text from the index is only ever set with textContent. */
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
  var pageSize = Number(form.getAttribute("data-page")) || 60;
  var holder = document.querySelector("[data-ib-cards]");
  var counter = document.querySelector("[data-ib-count]");
  var more = document.querySelector("[data-ib-more]");
  var nojs = document.querySelector("[data-ib-nojs]");
  // The index lists ideas in the server's trending order, with full precision; its
  // "tr" is rounded, so two close scores could tie and swap.  Sort by that position.
  var SORTS = {
    trending: function (a, b) { return a.rank - b.rank; },
    top: function (a, b) { return b.v - a.v || a.rank - b.rank; },
    newest: function (a, b) { return cmp(b.cr, a.cr) || cmp(a.s, b.s); },
    changed: function (a, b) { return cmp(b.ch, a.ch) || cmp(a.s, b.s); }
  };
  // The board's words, in its language: a JSON block the page renders (board.html).
  var words = document.querySelector("[data-ib-strings]");
  var T = words ? JSON.parse(words.textContent) : null;
  if (!T) return;
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(T.lang) : null;
  function plural(table, n) {
    return table[rules ? rules.select(n) : n === 1 ? "one" : "other"] || table.other;
  }
  function fill(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (m, k) { return k in values ? values[k] : m; });
  }
  var index = null, matches = [], shown = 0;

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function count(n, word, title, icon, cls) {
    var span = el("span", "ib-count " + cls);
    span.title = fill(plural(title, n), { num: n });
    var i = el("span", "ib-icon " + icon);
    i.setAttribute("aria-hidden", "true");
    span.appendChild(i);
    span.appendChild(document.createTextNode(String(n)));
    span.appendChild(el("span", "md-visually-hidden", " " + plural(word, n)));
    return span;
  }

  function card(idea) {
    var status = index.statuses[idea.st] || [idea.st, "open"];
    var li = el("li", "ib-card");
    li.setAttribute("data-slug", idea.s);
    var h = el("h2", "ib-card__title");
    var a = el("a", "", idea.t);
    a.href = base + "ideas/" + encodeURIComponent(idea.s) + "/";
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "ib-card__summary", idea.u));
    var meta = el("div", "ib-card__meta");
    var badge = el("span", "ib-badge ib-badge--" + status[1], status[0]);
    badge.setAttribute("data-status", idea.st);
    meta.appendChild(badge);
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(count(idea.v, T.vote, T.votes_title, "ib-icon--votes", "ib-count--votes"));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(count(idea.c, T.comment, T.comments_title, "ib-icon--comments", "ib-count--comments"));
    li.appendChild(meta);
    if (idea.tg && idea.tg.length) {
      var tags = el("ul", "ib-tags");
      tags.setAttribute("aria-label", T.tags);
      idea.tg.forEach(function (t) {
        var item = el("li");
        var link = el("a", "ib-tag", index.tags[t] || t);
        link.href = base + "tags/" + encodeURIComponent(t) + "/";
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

  function apply() {
    var s = state();
    var sorter = SORTS[s.sort] || SORTS.trending;
    matches = index.ideas.filter(function (idea) {
      var cat = (index.statuses[idea.st] || [null, "open"])[1];
      if (s.category ? cat !== s.category : cat === "duplicate") return false;
      return !s.tag || (idea.tg || []).indexOf(s.tag) >= 0;
    }).sort(sorter);
    holder.textContent = "";
    if (!matches.length) {
      holder.appendChild(el("p", "ib-empty", T.empty));
    } else {
      var list = el("ol", "ib-cards");
      list.setAttribute("aria-label", T.ideas);
      holder.appendChild(list);
    }
    shown = 0;
    showMore();
    var params = new URLSearchParams();
    if (s.sort !== "trending") params.set("sort", s.sort);
    if (s.category) params.set("status", s.category);
    if (s.tag) params.set("tag", s.tag);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function showMore() {
    var list = holder.querySelector("ol.ib-cards");
    var next = matches.slice(shown, shown + pageSize);
    if (list) next.forEach(function (idea) { list.appendChild(card(idea)); });
    shown += next.length;
    counter.textContent = fill(plural(T.showing, matches.length), {
      shown: shown, count: matches.length, order: T.orders[state().sort] || T.orders.trending });
    more.hidden = shown >= matches.length;
  }

  function select(name, value) {
    var field = form.elements[name];
    for (var i = 0; i < field.options.length; i++) {
      if (field.options[i].value === value) { field.value = value; return; }
    }
  }

  fetch(form.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      index = data;
      index.ideas.forEach(function (idea, i) { idea.rank = i; });
      var params = new URLSearchParams(location.search);
      select("sort", params.get("sort") || "trending");
      select("category", params.get("status") || "");
      select("tag", params.get("tag") || "");
      form.hidden = false;
      if (nojs) nojs.hidden = true;
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      more.addEventListener("click", showMore);
      apply();
    })
    .catch(function () { /* keep the server-rendered board */ });
})();
