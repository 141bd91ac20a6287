// <kensaku-search>: kensaku's search box for the publisher's own pages. One module, no framework, no build step.
//   <script src="https://search.example.com/widget.js" type="module"></script>
//   <kensaku-search></kensaku-search>
// Attributes: server (default: where this script came from), placeholder, count (1-20, default 5),
// facets ("company,tag,category"; none by default), lang (ja | en), highlight-param (links carry the query in
// this parameter, for highlight.js on the article page; off by default).
// Everything lives in a shadow root styled by a constructed stylesheet (no style attributes, no inline <style>),
// so a strict CSP that allows the kensaku origin (script-src, connect-src) is enough and the host page's CSS
// cannot reach inside. Theme it with the --kensaku-* custom properties listed in the stylesheet below.

const SCRIPT_ORIGIN = new URL(import.meta.url).origin;
const DEBOUNCE_MS = 200;
// Search analytics: a search is recorded when the reader commits to it (Enter, a suggestion, a pause of 1.5 s, a
// click on a hit, leaving the page), never per keystroke; nothing is sent under Global Privacy Control or Do Not
// Track. The event names the search by its API URL only: no cookie (credentials omitted), no identifier.
const COMMIT_PAUSE_MS = 1500;
const OPTED_OUT = navigator.globalPrivacyControl === true || navigator.doNotTrack === '1';
const FACETS = ['company', 'tag', 'category'];
const TEXT = {
  ja: {
    placeholder: 'サイト内を検索', label: 'サイト内検索', suggestions: '候補', results: '検索結果',
    count: (n) => `${n.toLocaleString('ja-JP')}件`, none: '見つかりませんでした', error: '検索サーバーに接続できませんでした',
    facet: { company: '企業', tag: 'タグ', category: 'カテゴリ' }, more: 'さらに見る',
    date: (iso) => iso.slice(0, 10).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'),
  },
  en: {
    placeholder: 'Search this site', label: 'Site search', suggestions: 'Suggestions', results: 'Results',
    count: (n) => `${n.toLocaleString('en')} result${n === 1 ? '' : 's'}`, none: 'Nothing found',
    error: 'Could not reach the search server', facet: { company: 'Company', tag: 'Tag', category: 'Category' },
    more: 'More results', date: (iso) => iso.slice(0, 10),
  },
};

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block !important; contain: content; }
:host([hidden]) { display: none !important; }
.root { all: initial; display: block; position: relative; box-sizing: border-box;
  font: var(--kensaku-font-size, 16px)/1.6 var(--kensaku-font, system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif);
  color: var(--kensaku-text, #1f2328); text-align: start; }
.root * { box-sizing: border-box; }
input { all: unset; display: block; box-sizing: border-box; width: 100%; padding: .55em .8em; font: inherit; color: inherit;
  background: var(--kensaku-background, #fff); border: 1px solid var(--kensaku-border, #8c959f);
  border-radius: var(--kensaku-radius, 6px); }
input:focus { outline: 2px solid var(--kensaku-accent, #0b57d0); outline-offset: 1px; }
input::placeholder { color: var(--kensaku-muted, #59636e); opacity: 1; }
[role=listbox] { all: unset; display: block; position: absolute; z-index: var(--kensaku-z-index, 10); left: 0; right: 0;
  margin-top: 2px; padding: 4px 0; list-style: none; background: var(--kensaku-background, #fff);
  border: 1px solid var(--kensaku-border, #8c959f); border-radius: var(--kensaku-radius, 6px);
  box-shadow: 0 4px 12px rgb(0 0 0 / .15); }
[role=listbox][hidden], [hidden] { display: none; }
[role=option] { display: block; padding: .3em .8em; cursor: pointer; }
[role=option] small { color: var(--kensaku-muted, #59636e); margin-inline-start: .5em; font-size: .8em; }
[role=option][aria-selected=true] { background: var(--kensaku-accent, #0b57d0); color: var(--kensaku-accent-text, #fff); }
[role=option][aria-selected=true] small { color: inherit; }
.status { display: block; margin: .4em 0 0; font-size: .85em; color: var(--kensaku-muted, #59636e); min-height: 1.2em; }
.facets { display: flex; flex-wrap: wrap; gap: .3em; margin: .4em 0 0; }
.facets button { all: unset; cursor: pointer; padding: .1em .6em; font-size: .85em; border-radius: 999px;
  border: 1px solid var(--kensaku-border, #8c959f); color: inherit; }
.facets button[aria-pressed=true] { background: var(--kensaku-accent, #0b57d0); color: var(--kensaku-accent-text, #fff);
  border-color: transparent; }
.facets button:focus-visible { outline: 2px solid var(--kensaku-accent, #0b57d0); }
ol { all: unset; display: block; list-style: none; margin: .3em 0 0; padding: 0; }
li.hit { display: block; padding: .6em 0; border-top: 1px solid var(--kensaku-divider, #d0d7de); }
li.hit:first-child { border-top: 0; }
a { all: unset; cursor: pointer; display: inline; color: var(--kensaku-link, var(--kensaku-accent, #0b57d0));
  font-weight: 600; text-decoration: underline; text-underline-offset: .15em; }
a:focus-visible { outline: 2px solid var(--kensaku-accent, #0b57d0); }
p { all: unset; display: block; margin: .2em 0 0; font-size: .9em; overflow-wrap: anywhere; }
time { display: block; font-size: .8em; color: var(--kensaku-muted, #59636e); }
mark { all: unset; background: var(--kensaku-mark, #fff3a3); color: var(--kensaku-mark-text, inherit); font-weight: 700; }
.more { margin-top: .4em; font-size: .9em; }
`);

let instances = 0;

class KensakuSearch extends HTMLElement {
  constructor() {
    super();
    const id = `kensaku-${++instances}`;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const box = el('div', { class: 'root', part: 'root' });
    this.input = el('input', {
      type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': `${id}-list`, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search', part: 'input',
    });
    this.list = el('ul', { role: 'listbox', id: `${id}-list`, hidden: '' });
    this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.facetBar = el('div', { class: 'facets', hidden: '' });
    this.results = el('ol', { part: 'results' });
    this.moreLink = el('a', { class: 'more', hidden: '' });
    box.append(this.input, this.list, this.status, this.facetBar, this.results, this.moreLink);
    root.append(box);
    this.composing = false;
    this.filters = new Map();
    this.options = [];
    this.active = -1;
    this.shown = null;
    this.committed = null;
    this.commitWhenShown = false;
    this.listen();
  }

  static get observedAttributes() { return ['placeholder', 'lang']; }

  connectedCallback() { this.label(); }

  attributeChangedCallback() { this.label(); }

  get text() { return TEXT[(this.getAttribute('lang') || 'ja').slice(0, 2)] || TEXT.ja; }

  get server() { return (this.getAttribute('server') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }

  get count() {
    const n = parseInt(this.getAttribute('count') || '5', 10);
    return Number.isFinite(n) ? Math.min(20, Math.max(1, n)) : 5;
  }

  get facets() {
    return (this.getAttribute('facets') || '').split(/[\s,]+/).filter((f) => FACETS.includes(f));
  }

  label() {
    const t = this.text;
    this.input.placeholder = this.getAttribute('placeholder') || t.placeholder;
    this.input.setAttribute('aria-label', this.getAttribute('placeholder') || t.label);
    this.list.setAttribute('aria-label', t.suggestions);
    this.results.setAttribute('aria-label', t.results);
    this.moreLink.textContent = t.more;
  }

  listen() {
    const input = this.input;
    // Never search in the middle of a kana-to-kanji composition: only what the reader has committed.
    input.addEventListener('compositionstart', () => { this.composing = true; });
    input.addEventListener('compositionend', () => { this.composing = false; this.schedule(); this.commitAfterPause(); });
    input.addEventListener('input', (event) => {
      if (this.composing || event.isComposing) return;
      this.schedule();
      this.commitAfterPause();
    });
    this.results.addEventListener('click', (event) => {
      const link = event.target.closest('a');
      if (!link) return;
      const position = [...this.results.children].indexOf(link.closest('li')) + 1;
      this.commitShown();
      if (this.shown) this.send({ type: 'click', url: this.shown, position });
    });
    window.addEventListener('pagehide', () => this.commitShown());
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') this.commitShown(); });
    input.addEventListener('keydown', (event) => {
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (!this.options.length) return;
        event.preventDefault();
        // Cycles through the options and back to the box itself (-1).
        const positions = this.options.length + 1;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.activate(((this.active + 1 + step) % positions + positions) % positions - 1);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (this.active >= 0) this.choose(this.options[this.active]);
        else { this.closeList(); this.run(true); }
      } else if (event.key === 'Escape') {
        if (!this.list.hidden) { event.preventDefault(); this.closeList(); }
      }
    });
    input.addEventListener('blur', () => setTimeout(() => this.closeList(), 150));
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) this.choose(this.options[Number(option.dataset.index)]);
    });
  }

  send(event) {
    if (OPTED_OUT) return;
    const body = JSON.stringify(event);
    const url = `${this.server}/api/events`;
    // A text/plain beacon: no preflight, no credentials, and it is delivered even as the page goes away.
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: 'POST', body, mode: 'no-cors', credentials: 'omit', keepalive: true }).catch(() => {});
    }
  }

  commitShown() {
    if (!this.shown || this.shown === this.committed) return;
    this.committed = this.shown;
    this.send({ type: 'search', url: this.shown });
  }

  commitAfterPause() {
    clearTimeout(this.commitTimer);
    this.commitWhenShown = false;
    this.commitTimer = setTimeout(() => {
      if (this.abort && !this.abort.signal.aborted && !this.settled) this.commitWhenShown = true;
      else this.commitShown();
    }, COMMIT_PAUSE_MS);
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(false), DEBOUNCE_MS);
  }

  async run(final) {
    const q = this.input.value.trim();
    this.abort?.abort();
    if (!q && !this.filters.size) { this.clear(); return; }
    const abort = (this.abort = new AbortController());
    this.settled = false;
    if (final) clearTimeout(this.commitTimer);
    try {
      const [suggestions, found] = await Promise.all([
        final || !q ? [] : this.get(`/api/suggest?size=6&q=${encodeURIComponent(q)}`, abort).then((a) => a.suggestions),
        this.get(`/api/search?${this.searchQuery(q)}`, abort),
      ]);
      if (abort.signal.aborted) return;
      this.settled = true;
      this.showSuggestions(suggestions);
      this.showResults(found, q);
      this.shown = q ? `/api/search?${this.searchQuery(q)}` : null;
      if (final || this.commitWhenShown) { this.commitWhenShown = false; this.commitShown(); }
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.clear();
      this.status.textContent = this.text.error;
    }
  }

  searchQuery(q, size = this.count) {
    const params = new URLSearchParams({ q, size: String(size) });
    for (const [facet, values] of this.filters) values.forEach((v) => params.append(facet, v));
    return params.toString();
  }

  async get(path, abort) {
    const response = await fetch(this.server + path, {
      signal: abort.signal, mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`kensaku answered ${response.status}`);
    return response.json();
  }

  showSuggestions(suggestions) {
    this.options = suggestions;
    this.active = -1;
    this.list.replaceChildren(...suggestions.map((s, i) => {
      const option = el('li', { role: 'option', id: `${this.list.id}-${i}`, 'aria-selected': 'false' }, s.text);
      option.dataset.index = String(i);
      if (s.kind !== 'title') option.append(el('small', {}, this.text.facet[s.kind] || ''));
      return option;
    }));
    this.list.hidden = !suggestions.length;
    this.input.setAttribute('aria-expanded', String(!!suggestions.length));
    this.input.removeAttribute('aria-activedescendant');
  }

  activate(index) {
    this.active = index;
    [...this.list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', this.list.children[this.active].id);
    else this.input.removeAttribute('aria-activedescendant');
  }

  choose(suggestion) {
    this.input.value = suggestion.text;
    this.closeList();
    this.run(true);
  }

  closeList() {
    this.list.hidden = true;
    this.activate(-1);
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  clear() {
    this.shown = null;
    this.closeList();
    this.results.replaceChildren();
    this.status.textContent = '';
    this.facetBar.hidden = true;
    this.moreLink.hidden = true;
  }

  showResults(found, q) {
    const t = this.text;
    this.status.textContent = found.total ? t.count(found.total) : t.none;
    this.results.replaceChildren(...found.hits.map((hit) => {
      const link = el('a', { href: this.linkTo(hit, q) });
      link.append(...marked(hit.title_html));
      const item = el('li', { class: 'hit' }, el('div', {}, link));
      if (hit.date) item.append(el('time', { datetime: hit.date }, t.date(hit.date)));
      item.append(el('p', {}, ...marked(hit.snippet_html)));
      return item;
    }));
    this.showFacets(found.facets || {});
    this.moreLink.hidden = found.total <= found.hits.length;
    this.moreLink.href = `${this.server}/?${this.searchQuery(q, 20).replace(/&?size=\d+/, '')}`;
  }

  /** The live article when kensaku knows its URL, else kensaku's own copy of it. */
  linkTo(hit, q) {
    const url = new URL(hit.url || `${this.server}/articles/${hit.id.split('/').map(encodeURIComponent).join('/')}`);
    const param = this.getAttribute('highlight-param');
    if (param && q) url.searchParams.set(param, q);
    return url.href;
  }

  showFacets(facets) {
    const shown = this.facets;
    this.facetBar.hidden = !shown.length;
    this.facetBar.replaceChildren(...shown.flatMap((facet) => (facets[facet] || []).slice(0, 6).map((count) => {
      const selected = (this.filters.get(facet) || []).includes(count.value);
      const button = el('button', { type: 'button', 'aria-pressed': String(selected) },
        `${count.value} (${count.count})`);
      button.title = this.text.facet[facet];
      button.addEventListener('click', () => this.toggle(facet, count.value));
      return button;
    })));
  }

  toggle(facet, value) {
    const values = new Set(this.filters.get(facet) || []);
    if (values.has(value)) values.delete(value); else values.add(value);
    if (values.size) this.filters.set(facet, [...values]); else this.filters.delete(facet);
    this.run(true);
  }
}

/** An element with attributes and children (strings become text nodes: nothing is ever parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

/** The API's *_html fields are escaped text with matches in <mark>: text nodes and <mark> elements, no parsing. */
function marked(html) {
  const nodes = [];
  (html || '').split(/(<mark>|<\/mark>)/).reduce((inMark, piece) => {
    if (piece === '<mark>') return true;
    if (piece === '</mark>') return false;
    const text = piece.replace(/&(#?\w+);/g, (whole, name) => ENTITIES[name]
      ?? (/^#x[0-9a-f]+$/i.test(name) ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : /^#\d+$/.test(name) ? String.fromCodePoint(Number(name.slice(1))) : whole));
    if (text) nodes.push(inMark ? el('mark', {}, text) : document.createTextNode(text));
    return inMark;
  }, false);
  return nodes;
}

if (!customElements.get('kensaku-search')) customElements.define('kensaku-search', KensakuSearch);
