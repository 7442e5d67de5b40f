/* newsgen search: looks through window.NEWSGEN_SEARCH (from search-index.js), offline. */
(function () {
  "use strict";
  var data = window.NEWSGEN_SEARCH || { articles: [], speakers: [] };
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) { return; }
  var root = form.getAttribute("data-root") || "";

  function fold(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  var articles = data.articles.map(function (a) {
    return { entry: a, text: fold([a.headline, a.dek, a.speakers.join(" "), a.quotes.join(" "), a.tags.join(" ")].join(" \n ")) };
  });
  var speakers = data.speakers.map(function (s) {
    return { entry: s, text: fold(s.name + " \n " + s.roles.join(" ")) };
  });

  function matches(terms, text) {
    return terms.every(function (term) { return text.indexOf(term) !== -1; });
  }
  function quoteWith(entry, terms) {
    for (var i = 0; i < entry.quotes.length; i += 1) {
      if (matches(terms, fold(entry.quotes[i]))) { return entry.quotes[i]; }
    }
    return "";
  }
  function addHit(kind, url, title, detail) {
    var item = document.createElement("li");
    var label = document.createElement("span");
    label.className = "hit-kind";
    label.textContent = kind + " ";
    var link = document.createElement("a");
    link.href = root + url;
    link.textContent = title;
    item.appendChild(label);
    item.appendChild(link);
    if (detail) {
      var more = document.createElement("span");
      more.className = "hit-detail";
      more.textContent = detail;
      item.appendChild(more);
    }
    list.appendChild(item);
  }
  function search(query) {
    list.textContent = "";
    var phrase = fold(query).trim();
    if (!phrase) { status.textContent = ""; return; }
    var quoted = phrase.match(/^"(.*)"$/);
    var terms = quoted ? [quoted[1]] : phrase.split(/\s+/);
    var count = 0;
    speakers.forEach(function (s) {
      if (matches(terms, s.text)) {
        count += 1;
        addHit("Speaker", s.entry.url, s.entry.name, s.entry.quotes + (s.entry.quotes === 1 ? " quote" : " quotes"));
      }
    });
    articles.forEach(function (a) {
      if (matches(terms, a.text)) {
        count += 1;
        // Shown as an excerpt: without the comma or colon that led into the attribution.
        var said = quoteWith(a.entry, terms).replace(/[\s,;:]+$/, "");
        addHit("Article", a.entry.url, a.entry.headline, said ? "\u201c" + said + "\u201d" : a.entry.dek);
      }
    });
    status.textContent = count === 0 ? "Nothing found for \u201c" + query + "\u201d." :
      count + (count === 1 ? " result" : " results") + " for \u201c" + query + "\u201d.";
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  input.addEventListener("input", function () { search(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
}());
