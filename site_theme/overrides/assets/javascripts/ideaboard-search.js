/* ideaboard: the header's search box, with Pagefind (generator/plugin/search.py builds
   the index into pagefind/, a big board's in parts, merged here).  A query loads only the
   index fragments it needs.  No
   framework; text from the index is set with textContent (<mark> kept as elements). */
(function () {
  "use strict";

  var box = document.querySelector("[data-ib-search]");
  if (!box) return;
  var input = box.querySelector(".md-search__input");
  var list = box.querySelector(".md-search-result__list");
  var status = box.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var root = new URL(box.getAttribute("data-ib-search"), location.href);
  var engine = null, timer = null, asked = 0;
  // The board's words for the results, in its language: assets/ideaboard-words.json,
  // written by generator/render/site.py, loaded with the first query; English until then.
  var T = { lang: "en", found: { one: "%(num)s matching idea", other: "%(num)s matching ideas" },
            none: "No matching ideas", failed: "Search is not available" };
  var rules = null, words = null;
  function loadWords() {
    if (!words) {
      words = fetch(new URL("../assets/ideaboard-words.json", root).href)
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) T = data; })
        .catch(function () { /* keep English */ })
        .then(function () {
          rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(T.lang) : null;
        });
    }
    return words;
  }
  function found(n) {
    var table = T.found;
    var form = table[rules ? rules.select(n) : n === 1 ? "one" : "other"] || table.other;
    return form.replace(/%\(num\)s/g, String(n));
  }

  function load() {
    if (!engine) {
      var site = new URL("..", root);
      engine = import(new URL("pagefind.js", root).href).then(function (pf) {
        // A big board's index is in parts (parts.json lists the others): merged into one.
        return pf.options({ baseUrl: site.pathname })
          .then(function () { return fetch(new URL("parts.json", root).href); })
          .then(function (response) { return response.ok ? response.json() : { more: [] }; })
          .then(function (parts) {
            return Promise.all((parts.more || []).map(function (folder) {
              return pf.mergeIndex(new URL(folder, site).pathname, { baseUrl: site.pathname });
            }));
          })
          .then(function () { return pf; });
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
    status.textContent = results.length ? found(results.length) : T.none;
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
        out.push({ url: new URL("../ideas/" + encodeURIComponent(slug) + ".html", root).pathname,
                   title: sub.title, excerpt: sub.excerpt });
      });
    });
    return out.slice(0, 10);
  }

  function run() {
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) { list.textContent = ""; return; }
    Promise.all([load(), loadWords()]).then(function (both) { return both[0].search(query); }).then(function (found) {
      if (mine !== asked || !found) return;
      return Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); }))
        .then(function (data) { show(items(data), query, mine); });
    }).catch(function () { status.textContent = T.failed; });
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
