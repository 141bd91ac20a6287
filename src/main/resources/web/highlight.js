// kensaku's highlight on arrival: on the article page of the publisher's site, marks the words a reader searched
// for in <kensaku-search> (whose highlight-param attribute put them in the link) and scrolls to the first.
//   <script src="https://search.example.com/highlight.js?param=highlight" type="module"></script>
// ?param= names the URL parameter (default "highlight"); ?root= a CSS selector for the article's text
// (default: main, article or [role=main], else the body). Text is only ever wrapped, never parsed as HTML.

const config = new URL(import.meta.url).searchParams;
const PARAM = config.get('param') || 'highlight';
const ROOT = config.get('root') || 'main, article, [role=main]';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'MARK', 'TEMPLATE', 'SVG']);
const MAX_MARKS = 500;

/** The words of a kensaku query worth marking: quotes and OR dropped, excluded (-word) ones left out. */
function wordsOf(query) {
  const words = [];
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const word = (match[1] ?? match[2]).trim();
    if (!word || word === 'OR' || (!match[1] && word.startsWith('-'))) continue;
    words.push(fold(word));
  }
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Full-width and half-width forms, and case, folded character by character so positions stay the same. */
function fold(text) {
  let out = '';
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

function highlight() {
  const query = new URLSearchParams(location.search).get(PARAM);
  if (!query) return;
  const words = wordsOf(query).filter((w) => w.length > 0);
  if (!words.length) return;
  const root = document.querySelector(ROOT) || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let p = node.parentElement; p && p !== root.parentElement; p = p.parentElement) {
        if (SKIP.has(p.tagName.toUpperCase()) || p.isContentEditable) return NodeFilter.FILTER_REJECT;
      }
      return node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  let count = 0;
  for (const node of texts) {
    if (count >= MAX_MARKS) break;
    count += markIn(node, words);
  }
  const first = root.querySelector('mark.kensaku-highlight');
  if (first) first.scrollIntoView({ block: 'center' });
}

/** Splits one text node around every match, wrapping each in <mark class="kensaku-highlight">. */
function markIn(node, words) {
  const folded = fold(node.data);
  const ranges = [];
  for (let at = 0; at < folded.length;) {
    const word = words.find((w) => folded.startsWith(w, at));
    if (word) { ranges.push([at, at + word.length]); at += word.length; } else at++;
  }
  for (const [start, end] of ranges.reverse()) {
    const match = node.splitText(start);
    match.splitText(end - start);
    const mark = document.createElement('mark');
    mark.className = 'kensaku-highlight';
    match.replaceWith(mark);
    mark.append(match);
  }
  return ranges.length;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlight);
else highlight();
