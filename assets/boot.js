// Starts the app without an inline script, so the Content-Security-Policy can forbid inline scripts entirely.
// Trunk writes the hashed file names of the wasm-bindgen module and the wasm binary into this script tag's
// data attributes (see pattern_script in Trunk.toml); both are relative to the page, which keeps sub-path hosting
// working.
const tag = document.querySelector('script[data-js][data-wasm]');

function showLoadError(error) {
  console.error('Kinesis Playground could not start:', error);
  const note = document.createElement('p');
  note.className = 'load-error';
  note.setAttribute('role', 'alert');
  note.textContent = 'Sorry, the playground could not start in this browser. Please reload the page, or try a current version of Chrome, Firefox, Safari or Edge.';
  document.body.append(note);
}

try {
  if (!tag) throw new Error('the loader script tag is missing its data-js and data-wasm attributes');
  const base = document.baseURI;
  const bindings = await import(new URL(tag.dataset.js, base).href);
  const wasm = await bindings.default({ module_or_path: new URL(tag.dataset.wasm, base) });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  showLoadError(error);
}
