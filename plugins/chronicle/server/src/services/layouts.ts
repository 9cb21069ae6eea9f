/**
 * Applies ../domain/layouts to the Content Manager's stored configuration once per layout
 * version, so an operator's later changes to a layout survive restarts.
 */
import type { Core } from '@strapi/strapi';
import { componentSchemas } from '../components';
import { componentUid, TYPE_NAMES, typeUid } from '../domain/content-types';
import { fieldLabel, LAYOUT_VERSION, LAYOUTS, WIDE_FIELDS, type LayoutSpec } from '../domain/layouts';

type Row = Array<{ name: string; size: number }>;
const ROW = 12;

const layouts = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'chronicle' });

  const sizeOf = (name: string, attribute: { type: string }) => {
    const sizes = strapi.plugin('content-manager').service('field-sizes');
    const size = sizes.getFieldSize(attribute.type) as { default: number; isResizable: boolean };
    return WIDE_FIELDS.includes(name) && size.isResizable ? ROW : size.default;
  };

  const editRows = (spec: LayoutSpec, attributes: Record<string, { type: string }>): Row[] => {
    const rows: Row[] = [];
    let row: Row = [];
    let used = 0;
    const flush = () => {
      if (row.length) rows.push(row);
      row = [];
      used = 0;
    };
    for (const name of spec.edit) {
      if (name === '|') {
        flush();
        continue;
      }
      const attribute = attributes[name];
      if (!attribute) continue;
      const size = sizeOf(name, attribute);
      if (used + size > ROW) flush();
      row.push({ name, size });
      used += size;
    }
    flush();
    return rows;
  };

  const configure = async (uid: string, spec: LayoutSpec) => {
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    const current = await contentTypes.findConfiguration(contentType);
    const metadatas = { ...current.metadatas };
    for (const [field, meta] of Object.entries(metadatas) as Array<[string, any]>) {
      const edit = { ...meta.edit };
      const list = { ...meta.list };
      const label = fieldLabel(field);
      if (label) {
        edit.label = label;
        list.label = label;
      }
      if (spec.readOnly?.includes(field)) edit.editable = false;
      if (spec.relationLabels?.[field]) edit.mainField = spec.relationLabels[field];
      if (spec.descriptions?.[field]) edit.description = spec.descriptions[field];
      metadatas[field] = { ...meta, edit, list };
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: {
        ...current.settings,
        mainField: spec.mainField,
        defaultSortBy: spec.defaultSortBy,
        defaultSortOrder: spec.defaultSortOrder,
      },
      metadatas,
      layouts: {
        ...current.layouts,
        list: spec.list.filter((name) => name in contentType.attributes),
        edit: editRows(spec, contentType.attributes as Record<string, { type: string }>),
      },
    });
  };

  /** Components keep Strapi's default layout; their fields get the bilingual labels. */
  const labelComponent = async (uid: string) => {
    const components = strapi.plugin('content-manager').service('components');
    const component = strapi.components[uid as keyof typeof strapi.components];
    const current = await components.findConfiguration(component);
    const metadatas = { ...current.metadatas };
    for (const [field, meta] of Object.entries(metadatas) as Array<[string, any]>) {
      const label = fieldLabel(field);
      if (label) metadatas[field] = { ...meta, edit: { ...meta.edit, label }, list: { ...meta.list, label } };
    }
    await components.updateConfiguration(component, { settings: current.settings, metadatas, layouts: current.layouts });
  };

  return {
    async apply({ force = false } = {}) {
      const applied = (await store().get({ key: 'layout-version' })) as number | null;
      if (!force && applied === LAYOUT_VERSION) return false;
      for (const name of TYPE_NAMES) await configure(typeUid(name), LAYOUTS[name]);
      for (const uid of Object.keys(componentSchemas)) await labelComponent(componentUid(uid));
      await store().set({ key: 'layout-version', value: LAYOUT_VERSION });
      return true;
    },
  };
};

export type LayoutsService = ReturnType<typeof layouts>;
export default layouts;
