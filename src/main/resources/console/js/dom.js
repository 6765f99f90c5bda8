// Building DOM nodes without HTML strings: text always goes in as text, so nothing from the API
// can become markup.

/** h('p', {class: 'x', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (text, nodes, arrays of them; null and false skipped) to el. */
export function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces everything in el with the given children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Says something to screen-reader users without moving their focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // a fresh text node after a tick is what makes repeated messages heard again
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A DKFDS alert box. */
export function alertBox(kind, heading, text) {
  return h('div', {class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : null},
    h('div', {class: 'alert-body'},
      heading ? h('p', {class: 'alert-heading'}, heading) : null,
      text ? h('p', {class: 'alert-text'}, text) : null));
}
