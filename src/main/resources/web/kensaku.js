// Upgrades the server-rendered search page in place: search as you type (IME-aware), suggestions, facets and
// paging without reloads, URL state with back/forward, and drag-to-select on the month histogram.
// All result markup comes from the server, already escaped; this script inserts text only with textContent.
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const list = document.getElementById('suggestions');
const DEBOUNCE_MS = 250;
let composing = false;
let typingTimer = 0;
let latest = 0;

document.documentElement.classList.add('js');

function formUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== '' && name !== 'page') params.append(name, value);
  }
  const query = params.toString();
  return '/' + (query ? '?' + query : '');
}

async function navigate(url, push = true) {
  const ticket = ++latest;
  document.body.classList.add('loading');
  try {
    const response = await fetch(url, { headers: { Accept: 'text/html' } });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (ticket !== latest) return;
    const fresh = page.getElementById('app');
    if (!fresh) throw new Error('unexpected answer from the server');
    document.getElementById('app').replaceWith(document.adoptNode(fresh));
    document.title = page.title;
    if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
    syncInput(url);
    upgradeRegion();
  } catch (error) {
    if (ticket !== latest) return;
    showError('検索できませんでした。通信状態を確認して、もう一度お試しください。');
  } finally {
    if (ticket === latest) document.body.classList.remove('loading');
  }
}

function showError(message) {
  const main = document.getElementById('main');
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  main.replaceChildren(p);
}

function syncInput(url) {
  const q = new URL(url, location.href).searchParams.get('q') || '';
  if (document.activeElement !== input && input.value !== q) input.value = q;
}

// Search as you type, but never in the middle of a kana-to-kanji composition.
input.addEventListener('compositionstart', () => { composing = true; });
input.addEventListener('compositionend', () => { composing = false; scheduleSearch(); });
input.addEventListener('input', (event) => {
  if (composing || event.isComposing) return;
  scheduleSearch();
});

function scheduleSearch() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    navigate(formUrl());
    suggest(input.value);
  }, DEBOUNCE_MS);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  closeSuggestions();
  navigate(formUrl());
});

document.addEventListener('change', (event) => {
  const target = event.target;
  if (target.form === form && target !== input) navigate(formUrl());
});

document.addEventListener('click', (event) => {
  const more = event.target.closest('button.more');
  if (more) {
    const facet = more.closest('.collapsible');
    const expanded = facet.classList.toggle('expanded');
    more.setAttribute('aria-expanded', String(expanded));
    more.textContent = expanded ? '閉じる' : 'もっと見る';
    return;
  }
  const link = event.target.closest('#app a[href^="/"]');
  if (!link || link.closest('.histogram') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const href = link.getAttribute('href');
  if (href.startsWith('/articles/') || href.startsWith('/static/')) return;
  event.preventDefault();
  navigate(href);
  if (link.closest('.pages')) document.getElementById('main').focus();
});

window.addEventListener('popstate', () => navigate(location.pathname + location.search, false));

// Suggestions: an ARIA combobox driven by the arrow keys, Enter and Escape.
let suggestTicket = 0;
async function suggest(prefix) {
  const ticket = ++suggestTicket;
  if (prefix.trim() === '') { closeSuggestions(); return; }
  try {
    const response = await fetch('/api/suggest?size=8&q=' + encodeURIComponent(prefix));
    const body = await response.json();
    if (ticket !== suggestTicket) return;
    renderSuggestions(body.suggestions || []);
  } catch (error) {
    closeSuggestions();
  }
}

const KIND_LABELS = { company: '企業', tag: 'タグ', title: '記事' };
function renderSuggestions(suggestions) {
  list.replaceChildren();
  suggestions.forEach((s, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.textContent = s.text;
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = KIND_LABELS[s.kind] || '';
    li.append(kind);
    li.addEventListener('mousedown', (event) => { event.preventDefault(); choose(s); });
    list.append(li);
  });
  list.hidden = suggestions.length === 0;
  input.setAttribute('aria-expanded', String(suggestions.length > 0));
  input.removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  list.hidden = true;
  list.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function choose(s) {
  closeSuggestions();
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
  navigate(formUrl());
}

input.addEventListener('keydown', (event) => {
  if (event.isComposing || event.keyCode === 229) return;
  const options = [...list.querySelectorAll('[role="option"]')];
  const active = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  if (event.key === 'Escape') { closeSuggestions(); return; }
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
input.addEventListener('blur', () => setTimeout(closeSuggestions, 150));

// The month histogram: a click selects one month (the bar's own link), a drag across bars selects a range.
function upgradeRegion() {
  const svg = document.querySelector('.histogram');
  if (!svg) return;
  const bars = [...svg.querySelectorAll('a.bar')];
  let start = null;
  let dragged = false;
  const months = (a, b) => {
    const [x, y] = [bars.indexOf(a), bars.indexOf(b)].sort((m, n) => m - n);
    return [bars[x].dataset.month, bars[y].dataset.month, x, y];
  };
  bars.forEach((bar) => {
    bar.addEventListener('pointerdown', (event) => { start = bar; dragged = false; event.preventDefault(); });
    bar.addEventListener('pointerenter', () => {
      if (!start) return;
      dragged = dragged || bar !== start;
      const [, , x, y] = months(start, bar);
      bars.forEach((b, i) => b.classList.toggle('dragging', i >= x && i <= y));
    });
    bar.addEventListener('click', (event) => {
      event.preventDefault();
      if (dragged) return;
      navigate(bar.getAttribute('href'));
    });
  });
  svg.addEventListener('pointerup', (event) => {
    if (!start) return;
    const end = event.target.closest('a.bar') || start;
    if (dragged) {
      const [from, to] = months(start, end);
      const params = new URL(formUrl(), location.href).searchParams;
      params.set('from', from);
      params.set('to', to);
      navigate('/?' + params.toString());
    }
    start = null;
  });
}

upgradeRegion();
