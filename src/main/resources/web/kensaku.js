// Upgrades the server-rendered search page in place: search as you type (IME-aware), suggestions, filters and
// paging without reloads, URL state with back/forward, the date chart (drag, arrow keys) and the phone drawer.
// All result markup comes from the server, already escaped; this script inserts text only with textContent.
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const list = document.getElementById('suggestions');
const live = document.getElementById('live');
const DEBOUNCE_MS = 250;
const phone = window.matchMedia('(max-width: 720px)');
let composing = false;
let typingTimer = 0;
let latest = 0;
// True while the current history entry is one that typing made: the next pause replaces it instead of adding.
let typingEntry = false;
let shownUrl = location.pathname + location.search;
// The ticket of the answer on screen; differs from latest while a search is on its way.
let shownTicket = 0;

// Search analytics: the server records a search only when the reader commits to it (Enter, a pause of 1.5 s, a
// click on a result or suggestion, leaving the page), never each keystroke's. Nothing is sent under Global Privacy
// Control or Do Not Track (and the server drops what such a browser sends anyway). The event names the search by
// its URL only: no cookie, no identifier.
const COMMIT_PAUSE_MS = 1500;
const optedOut = navigator.globalPrivacyControl === true || navigator.doNotTrack === '1';
// A page the browser navigated to with a query was recorded by the server when it answered.
let committedUrl = hasQuery(shownUrl) ? shownUrl : null;
let commitTimer = 0;
let commitWhenShown = false;

function hasQuery(url) {
  return (new URL(url, location.href).searchParams.get('q') || '').trim() !== '';
}

function sendEvent(event) {
  if (optedOut) return;
  const body = JSON.stringify(event);
  if (!(navigator.sendBeacon && navigator.sendBeacon('/api/events', body))) {
    fetch('/api/events', { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
  }
}

function commitShown() {
  if (shownUrl === committedUrl || !hasQuery(shownUrl)) return;
  committedUrl = shownUrl;
  sendEvent({ type: 'search', url: shownUrl });
}

function commitAfterPause() {
  clearTimeout(commitTimer);
  commitWhenShown = false;
  commitTimer = setTimeout(() => {
    if (shownTicket === latest) commitShown();
    else commitWhenShown = true;
  }, COMMIT_PAUSE_MS);
}

window.addEventListener('pagehide', commitShown);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') commitShown(); });

document.documentElement.classList.add('js');

function formUrl(extra) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== '' && name !== 'page') params.append(name, value);
  }
  // The date range is not a form field: it comes from the chart, chips and presets.
  const app = document.getElementById('app');
  for (const name of ['from', 'to']) {
    const value = app && app.dataset[name];
    if (value && !params.has(name)) params.set(name, value);
  }
  if (extra) extra(params);
  const query = params.toString();
  return '/' + (query ? '?' + query : '');
}

// history: 'push' (a filter, a page, a suggestion), 'typing' (a pause while typing: the first one of a search
// pushes, later ones replace it), 'commit' (Enter: replaces the entry its typing made, else pushes), 'none'
// (back/forward). Decided when the answer is shown, so a superseded request never leaves an entry behind.
// focus: a function returning the element to focus in the new region, or null to leave focus alone.
async function navigate(url, { history: mode = 'push', focus = null, scrollToResults = false, keepDrawer = false,
  commit = false } = {}) {
  const ticket = ++latest;
  document.body.classList.add('loading');
  try {
    const response = await fetch(url, { headers: { Accept: 'text/html' } });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (ticket !== latest) return;
    const fresh = page.getElementById('app');
    if (!fresh) throw new Error('unexpected answer from the server');
    const drawerOpen = keepDrawer && isDrawerOpen();
    document.getElementById('app').replaceWith(document.adoptNode(fresh));
    document.title = page.title;
    const current = location.pathname + location.search;
    const replace = mode === 'typing' || mode === 'commit' ? typingEntry : mode === 'replace';
    if (mode !== 'none' && url !== current) {
      if (replace) history.replaceState({ kensaku: true }, '', url);
      else history.pushState({ kensaku: true }, '', url);
    }
    typingEntry = mode === 'typing' && (typingEntry || url !== current);
    shownUrl = url;
    shownTicket = ticket;
    if (commit || commitWhenShown) { commitWhenShown = false; commitShown(); }
    syncInput(url);
    upgradeRegion();
    if (drawerOpen) openDrawer(false);
    announce();
    const target = focus && focus();
    if (target) target.focus({ preventScroll: scrollToResults || isVisible(target) });
    if (scrollToResults) {
      const first = document.querySelector('#hits, .results-area');
      if (first) first.scrollIntoView({ block: 'start' });
    }
  } catch (error) {
    if (ticket !== latest) return;
    showError('検索できませんでした。通信状態を確認して、もう一度お試しください。');
  } finally {
    if (ticket === latest) document.body.classList.remove('loading');
  }
}

function isVisible(element) {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < window.innerHeight;
}

// The live region sits outside the swapped region, so a screen reader hears each new result count.
function announce() {
  const title = document.getElementById('results-title');
  const count = document.getElementById('count');
  live.textContent = '';
  setTimeout(() => {
    live.textContent = [title && title.textContent, count && count.textContent].filter(Boolean).join(' ');
  }, 50);
}

function showError(message) {
  const area = document.querySelector('#app .results-area') || document.getElementById('app');
  const p = document.createElement('p');
  p.className = 'notice error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  area.replaceChildren(p);
}

function syncInput(url) {
  const q = new URL(url, location.href).searchParams.get('q') || '';
  if (document.activeElement !== input && input.value !== q) input.value = q;
}

// Finds, in the new region, the control the reader just used, so focus stays where they are.
function sameControl(element) {
  if (!element || element === document.body) return null;
  if (element.matches('.facet-groups a')) element = element.closest('label').querySelector('input');
  if (element.matches('input[type="checkbox"]')) {
    const selector = `input[type="checkbox"][name="${CSS.escape(element.name)}"][value="${CSS.escape(element.value)}"]`;
    return () => document.querySelector(selector) || document.getElementById('results-title');
  }
  if (element.id) return () => document.getElementById(element.id) || document.getElementById('results-title');
  if (element.closest('.chart')) return () => document.querySelector('.chart');
  if (element.matches('.preset')) {
    const text = element.textContent;
    return () => [...document.querySelectorAll('.preset')].find((p) => p.textContent === text);
  }
  return () => document.getElementById('results-title');
}

// Search as you type, but never in the middle of a kana-to-kanji composition.
input.addEventListener('compositionstart', () => { composing = true; });
input.addEventListener('compositionend', () => { composing = false; scheduleSearch(); commitAfterPause(); });
input.addEventListener('input', (event) => {
  if (composing || event.isComposing) return;
  scheduleSearch();
  commitAfterPause();
});

function scheduleSearch() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    navigate(formUrl(), { history: 'typing' });
    suggest(input.value);
  }, DEBOUNCE_MS);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  clearTimeout(commitTimer);
  closeSuggestions();
  // A committed search: it replaces the entry its own typing made, and the next typing starts a new entry.
  navigate(formUrl(), { history: 'commit', commit: true });
});

document.addEventListener('change', (event) => {
  const target = event.target;
  if (target.form !== form || target === input) return;
  if (target.id === 'sort') target.name = 'sort';
  navigate(formUrl(), { focus: sameControl(target), keepDrawer: true, commit: true });
});

document.addEventListener('click', (event) => {
  if (event.target.closest('.filter-toggle')) { event.preventDefault(); openDrawer(true); return; }
  if (event.target.closest('.drawer-close')) { closeDrawer(); return; }
  recordClick(event.target);
  const link = event.target.closest('#app a[href^="/"]');
  if (!link || link.closest('.chart') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const href = link.getAttribute('href');
  if (href.startsWith('/articles/') || href.startsWith('/static/')) return;
  event.preventDefault();
  const paging = Boolean(link.closest('.pages'));
  navigate(href, {
    focus: paging ? () => document.getElementById('hits') || document.getElementById('results-title') : sameControl(link),
    scrollToResults: paging,
    keepDrawer: Boolean(link.closest('#filters')),
    commit: true,
  });
});

// A click on a hit (its title or its preview) commits the search shown and records the hit's position on the page;
// the server turns it into the article and its rank. A click on 「もしかして」 records that the correction was taken.
function recordClick(target) {
  const hitLink = target.closest('#app .hit h2 a, #app .hit a.preview');
  if (hitLink) {
    const hits = [...document.querySelectorAll('#app .hit')];
    commitShown();
    sendEvent({ type: 'click', url: shownUrl, position: hits.indexOf(hitLink.closest('.hit')) + 1 });
  } else if (target.closest('#app .did-you-mean a')) {
    commitShown();
    sendEvent({ type: 'correction', url: shownUrl });
  }
}

// A fragment link (the skip link, 絞り込み without the drawer) also fires popstate; only a new search refetches.
window.addEventListener('popstate', () => {
  const url = location.pathname + location.search;
  if (url === shownUrl) return;
  navigate(url, { history: 'none' });
});

// The phone drawer: 「絞り込み（N）」 opens it over the results, 「N件を表示」 or Escape closes it.
function isDrawerOpen() {
  const filters = document.getElementById('filters');
  return Boolean(filters && filters.classList.contains('open'));
}

function openDrawer(moveFocus) {
  const filters = document.getElementById('filters');
  if (!filters || !phone.matches) {
    if (filters) filters.scrollIntoView();
    return;
  }
  filters.classList.add('open');
  filters.setAttribute('role', 'dialog');
  filters.setAttribute('aria-modal', 'true');
  const close = filters.querySelector('.drawer-close');
  close.hidden = false;
  document.querySelector('.filter-toggle').setAttribute('aria-expanded', 'true');
  if (moveFocus) close.focus();
}

function closeDrawer() {
  const filters = document.getElementById('filters');
  if (!filters) return;
  filters.classList.remove('open');
  filters.removeAttribute('role');
  filters.removeAttribute('aria-modal');
  const toggle = document.querySelector('.filter-toggle');
  toggle.setAttribute('aria-expanded', 'false');
  const first = document.querySelector('#hits a');
  (first || toggle).focus();
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && isDrawerOpen()) closeDrawer();
});

// Suggestions: an ARIA combobox driven by the arrow keys, Enter and Escape.
let suggestTicket = 0;
let suggestRequest = null;

function cancelSuggestions() {
  suggestTicket++;
  if (suggestRequest) suggestRequest.abort();
  suggestRequest = null;
}

// As many as fit between the box and the bottom of what is visible (the keyboard takes the rest on a phone).
function suggestionRoom() {
  const viewport = window.visualViewport ? window.visualViewport.height : window.innerHeight;
  const below = viewport - input.getBoundingClientRect().bottom - 8;
  return Math.max(3, Math.min(8, Math.floor(Math.min(below, viewport * 0.5) / 46)));
}

async function suggest(prefix) {
  cancelSuggestions();
  const ticket = suggestTicket;
  if (prefix.trim() === '') { closeSuggestions(); return; }
  const request = new AbortController();
  suggestRequest = request;
  try {
    const response = await fetch('/api/suggest?size=' + suggestionRoom() + '&q=' + encodeURIComponent(prefix),
      { signal: request.signal });
    const body = await response.json();
    if (ticket !== suggestTicket || document.activeElement !== input) return;
    renderSuggestions(body.suggestions || [], prefix);
  } catch (error) {
    if (ticket === suggestTicket) closeSuggestions();
  }
}

const KIND_LABELS = { company: '企業', tag: 'タグ', title: '記事' };
function renderSuggestions(suggestions, typed) {
  list.replaceChildren();
  suggestions.forEach((s, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    const text = document.createElement('span');
    text.className = 'text';
    appendMarked(text, s.label || s.text, typed.trim());
    if (s.label && s.label !== s.text) appendMarked(text, '（' + s.text + '）', typed.trim());
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = KIND_LABELS[s.kind] || '';
    li.append(text, kind);
    li.addEventListener('mousedown', (event) => { event.preventDefault(); choose(s); });
    list.append(li);
  });
  list.hidden = suggestions.length === 0;
  input.setAttribute('aria-expanded', String(suggestions.length > 0));
  input.removeAttribute('aria-activedescendant');
}

// The typed part in bold, matched ignoring case, width and hiragana/katakana (えぬ marks エヌ); text nodes only.
function appendMarked(parent, text, typed) {
  const fold = (s) => s.normalize('NFKC').toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  const at = typed ? fold(text).indexOf(fold(typed)) : -1;
  if (at < 0 || fold(text).length !== text.length) { parent.append(text); return; }
  const mark = document.createElement('mark');
  mark.textContent = text.slice(at, at + typed.length);
  parent.append(text.slice(0, at), mark, text.slice(at + typed.length));
}

function closeSuggestions() {
  list.hidden = true;
  list.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function choose(s) {
  cancelSuggestions();
  closeSuggestions();
  clearTimeout(typingTimer);
  if (s.kind === 'title' && s.id) {
    location.href = '/articles/' + s.id.split('/').map(encodeURIComponent).join('/');
    return;
  }
  if (s.kind === 'company' || s.kind === 'tag') {
    input.value = '';
    navigate('/?' + new URLSearchParams([[s.kind, s.value]]).toString());
    return;
  }
  input.value = s.value;
  clearTimeout(commitTimer);
  navigate(formUrl(), { commit: true });
}

input.addEventListener('keydown', (event) => {
  if (event.isComposing || event.keyCode === 229) return;
  const options = [...list.querySelectorAll('[role="option"]')];
  const active = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  // Escape closes the suggestions and nothing else: the native search box would also clear the query.
  if (event.key === 'Escape') { event.preventDefault(); cancelSuggestions(); closeSuggestions(); return; }
  if (event.key === 'Tab' || (event.key === 'Enter' && active < 0)) { cancelSuggestions(); closeSuggestions(); return; }
  if (list.hidden || options.length === 0) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? (active + 1) % options.length
      : (active - 1 + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
    input.setAttribute('aria-activedescendant', options[next].id);
  } else if (event.key === 'Enter' && active >= 0) {
    event.preventDefault();
    options[active].dispatchEvent(new MouseEvent('mousedown'));
  }
});
input.addEventListener('blur', () => { cancelSuggestions(); setTimeout(closeSuggestions, 150); });

// The date chart: click a bar for its month, drag across bars for a range (released anywhere), or focus the
// chart (one tab stop) and use ←/→ (Shift to widen, PageUp/PageDown a year, Home/End) and Enter.
function upgradeRegion() {
  const chart = document.querySelector('.chart');
  if (!chart) return;
  const bars = [...chart.querySelectorAll('.bar')];
  if (bars.length === 0) return;
  const selected = bars.map((b, i) => (b.classList.contains('selected') ? i : -1)).filter((i) => i >= 0);
  let cursor = selected.length ? selected[0] : bars.length - 1;
  let anchor = null;
  let dragStart = null;

  const indexAt = (x) => {
    const rect = chart.getBoundingClientRect();
    return Math.max(0, Math.min(bars.length - 1, Math.floor(((x - rect.left) / rect.width) * bars.length)));
  };
  const paint = (a, b) => {
    const [x, y] = [Math.min(a, b), Math.max(a, b)];
    bars.forEach((bar, i) => bar.classList.toggle('dragging', a !== null && i >= x && i <= y));
  };
  const choose = (a, b) => {
    const [x, y] = [Math.min(a, b), Math.max(a, b)];
    const url = formUrl((params) => { params.set('from', bars[x].dataset.month); params.set('to', bars[y].dataset.month); });
    navigate(url, { focus: () => document.querySelector('.chart'), keepDrawer: true });
  };
  const moveCursor = (i) => {
    bars[cursor].classList.remove('cursor');
    cursor = Math.max(0, Math.min(bars.length - 1, i));
    bars[cursor].classList.add('cursor');
    chart.setAttribute('aria-activedescendant', bars[cursor].id);
    if (anchor !== null) paint(anchor, cursor);
  };

  chart.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    dragStart = indexAt(event.clientX);
    chart.setPointerCapture(event.pointerId);
    paint(dragStart, dragStart);
  });
  chart.addEventListener('pointermove', (event) => {
    if (dragStart === null) return;
    paint(dragStart, indexAt(event.clientX));
  });
  const finish = (event, commit) => {
    if (dragStart === null) return;
    const start = dragStart;
    dragStart = null;
    if (chart.hasPointerCapture(event.pointerId)) chart.releasePointerCapture(event.pointerId);
    paint(null, null);
    if (commit) choose(start, indexAt(event.clientX));
  };
  chart.addEventListener('pointerup', (event) => finish(event, true));
  chart.addEventListener('pointercancel', (event) => finish(event, false));
  chart.addEventListener('lostpointercapture', (event) => finish(event, false));
  chart.addEventListener('click', (event) => event.preventDefault());

  chart.addEventListener('focus', () => moveCursor(cursor));
  chart.addEventListener('blur', () => { bars[cursor].classList.remove('cursor'); anchor = null; paint(null, null); });
  chart.addEventListener('keydown', (event) => {
    const steps = { ArrowLeft: -1, ArrowRight: 1, ArrowDown: -1, ArrowUp: 1, PageUp: -12, PageDown: 12 };
    if (event.key in steps || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      if (event.shiftKey && anchor === null) anchor = cursor;
      if (!event.shiftKey) { anchor = null; paint(null, null); }
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? bars.length - 1 : cursor + steps[event.key];
      moveCursor(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(anchor === null ? cursor : anchor, cursor);
    } else if (event.key === 'Escape' && anchor !== null) {
      anchor = null;
      paint(null, null);
    }
  });
}

upgradeRegion();
