/** Server rendering of a page element to a complete HTML document (React escapes by default). */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export const renderDocument = (element: ReactElement): string => `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
