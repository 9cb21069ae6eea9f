/** The unit tree (districts, streets, communities …) in the locale chosen for each unit. */
import type { UnitNode, UnitsAnswer } from '../../contracts/public';
import { DEFAULT_LOCALE } from '../../domain/enums';
import { redactPlainText } from '../../domain/redaction';
import type { LocaleOnlyQuery } from '../../validation/public-query';
import type { RowReader } from './rows';

export const unitsResource = (rows: RowReader) => ({
  async units(params: LocaleOnlyQuery): Promise<UnitsAnswer> {
    const locale = params.locale ?? DEFAULT_LOCALE;
    const units = await rows.unitRows(locale);
    const nodes = new Map<string, UnitNode>();
    for (const { row, fallback } of units) {
      nodes.set(row.documentId, {
        slug: row.slug,
        name: row.name,
        shortName: row.shortName ?? null,
        kind: row.kind,
        description: redactPlainText(row.description ?? null),
        locale: row.locale,
        fallback,
        children: [],
      });
    }
    const roots: UnitNode[] = [];
    for (const { row } of units) {
      const node = nodes.get(row.documentId) as UnitNode;
      const parent = row.parent?.documentId ? nodes.get(row.parent.documentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { data: roots, meta: { locale } };
  },
});
