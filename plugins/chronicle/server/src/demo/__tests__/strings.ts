/** Every string in a value, with its path; `skip` names object keys whose values are left out. */
export function collectStrings(value: unknown, at: string, skip: ReadonlySet<string>, out: Array<[string, string]> = []) {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${at}[${i}]`, skip, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!skip.has(k)) collectStrings(v, `${at}.${k}`, skip, out);
    }
  }
  return out;
}
