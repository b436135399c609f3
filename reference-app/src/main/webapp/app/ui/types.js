// Seva portal: the lists of types the API names (GET /entity-types, GET /document-types): codes and their names for
// people, asked for once per page load and shared by every page that offers or names them.
import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { label } from './format.js';

const asked = new Map();

/**
 * @typedef {object} Types
 * @property {Array<{code: string, name: string}>} list every type, in the order forms offer them
 * @property {function(string): string} name the name of a code (an unknown code as words)
 * @property {function(): HTMLOptionElement[]} options an option per type, for a select
 */

async function types(path) {
  if (!asked.has(path)) {
    // a failed answer is not kept: the next page asks again
    asked.set(path, api(path).catch((e) => {
      asked.delete(path);
      throw e;
    }));
  }
  const list = (await asked.get(path)) || [];
  const names = new Map(list.map((t) => [t.code, t.name]));
  return {
    list,
    name: (code) => names.get(code) || label(code),
    options: () => list.map((t) => h('option', { value: t.code, text: t.name })),
  };
}

/** @returns {Promise<Types>} the legal forms of a business entity (tenant-core's EntityType) */
export function entityTypes() {
  return types('/entity-types');
}

/** @returns {Promise<Types>} what a document may be (the documents module's DocumentType) */
export function documentTypes() {
  return types('/document-types');
}
