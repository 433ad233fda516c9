// The search page (/search/): Pagefind's index, searched in the browser as the visitor types.
// Nothing is sent anywhere: pagefind.js and the index are files of this site. Without JavaScript
// the page shows only the lists to browse; this script shows the search box.
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const list = document.getElementById("search-list");
const noScript = document.getElementById("search-no-script");
const words = form.dataset;
const root = new URL(words.root, document.baseURI);

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

// Pagefind's excerpt is the page's text with <mark> around the words found: keep only those
// marks, everything else as text.
function excerpt(html) {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  const paragraph = document.createElement("p");
  for (const node of parsed.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function item(data) {
  const entry = document.createElement("li");
  const link = document.createElement("a");
  link.href = new URL(data.url.replace(/^\//, ""), root).href;
  link.textContent = (data.meta && data.meta.title) || data.url;
  const title = document.createElement("p");
  title.className = "search-result-title";
  title.append(link);
  entry.append(title, excerpt(data.excerpt || ""));
  return entry;
}

let pagefind = null;
let latest = 0;

async function run(text) {
  const ticket = ++latest;
  const query = text.trim();
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    results.hidden = true;
    status.textContent = "";
    return;
  }
  status.textContent = words.loading;
  const search = await pagefind.debouncedSearch(query, {}, 150);
  if (search === null || ticket !== latest) return;
  const found = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...found.map(item));
  results.hidden = found.length === 0;
  const count = search.results.length;
  status.textContent = fill(count === 0 ? words.none : count === 1 ? words.one : words.many, { count: String(count), query });
}

try {
  pagefind = await import(new URL(words.bundle + "pagefind.js", document.baseURI).href);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  form.hidden = false;
  noScript.hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    run(asked);
  }
} catch (error) {
  noScript.textContent = words.unavailable;
}
