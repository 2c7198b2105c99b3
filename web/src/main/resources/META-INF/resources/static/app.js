// Progressive enhancement only: every page works without this file.
// Type-ahead: completions from the public API (GET /api/v1/listings/suggest) into the search box's <datalist>.
const input = document.querySelector('input[data-suggest]');
const list = input && document.getElementById(input.getAttribute('list'));
if (input && list) {
  let timer;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || q === last) return;
    timer = setTimeout(async () => {
      last = q;
      try {
        const url = `/api/v1/listings/suggest?lang=${encodeURIComponent(input.dataset.suggest)}&q=${encodeURIComponent(q)}`;
        const answer = await fetch(url, { headers: { Accept: 'application/json' } });
        if (!answer.ok) return;
        const { items } = await answer.json();
        list.replaceChildren(...items.map((text) => Object.assign(document.createElement('option'), { value: text })));
      } catch (offline) {
        // no completions: the form still works
      }
    }, 150);
  });
}
