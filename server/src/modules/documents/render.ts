/**
 * Rendering a .docx template with docxtemplater, and the data schema of each
 * kind. Tags are `{name}` (docxtemplater's default delimiters); `{#list}` …
 * `{/list}` repeat paragraphs; a newline in a value becomes a line break.
 */
import { createRequire } from 'node:module';
import { AppError } from '@zhifa/core';
import type Docxtemplater from 'docxtemplater';
import type { DXT } from 'docxtemplater';
import type PizZip from 'pizzip';
import { z } from 'zod';
import { text } from '../../http/fields.js';
import {
  allowedTags,
  type DocumentKind,
  type DocumentKindSpec,
  documentKinds,
  type FieldSpec,
} from './kinds.js';

// Both libraries are CommonJS, loaded on first use: together they cost the resident server
// ~25 MB, and most deployments render a document now and then.
const require = createRequire(import.meta.url);
const library = {
  zip: () => require('pizzip') as typeof PizZip,
  templater: () => require('docxtemplater') as typeof Docxtemplater,
  // A CommonJS factory whose typings declare a class; loaded as what it is.
  inspectModule: () =>
    require('docxtemplater/js/inspect-module.js') as () => DXT.Module & {
      getAllTags(): Record<string, unknown>;
      getAllStructuredTags(): StructuredTag[];
    },
};

interface StructuredTag {
  value: string;
  module?: string;
  subparsed?: StructuredTag[];
}

/** Raw-XML tags ({@name}) anywhere in the template, loops included. */
function rawTags(tags: readonly StructuredTag[]): string[] {
  return tags.flatMap((tag) => [
    ...(tag.module === 'rawxml' ? [tag.value] : []),
    ...rawTags(tag.subparsed ?? []),
  ]);
}

const fieldSchema = (field: FieldSpec) => (field.required ? text(field.max) : text(field.max, 0).optional());

function objectOf(fields: readonly FieldSpec[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
}

/** The schema of the caller's data for one kind: its text fields and lists, nothing else. */
export function dataSchema(kind: DocumentKind) {
  const spec: DocumentKindSpec = documentKinds[kind];
  const lists = Object.fromEntries(
    spec.lists.map((list) => [
      list.name,
      z
        .array(objectOf(list.items))
        .min(list.required ? 1 : 0, { message: `${list.label}至少一项` })
        .max(list.maxItems),
    ]),
  );
  return z.strictObject({
    ...Object.fromEntries(spec.fields.map((f) => [f.name, fieldSchema(f)])),
    ...lists,
  });
}

export type DocumentData = Record<string, string | Record<string, string>[] | undefined>;

const options = { paragraphLoop: true, linebreaks: true, nullGetter: () => '' } as const;

function openZip(content: Buffer): PizZip {
  try {
    const zip = new (library.zip())(content);
    if (!zip.file('word/document.xml')) throw new Error('no word/document.xml');
    return zip;
  } catch {
    throw new AppError('VALIDATION_FAILED', '模板不是有效的 Word 文档（.docx）', {
      field: 'body.contentBase64',
    });
  }
}

interface TemplateErrorDetail {
  properties?: { explanation?: string; xtag?: string; errors?: TemplateErrorDetail[] };
  message?: string;
}

/**
 * Checks a template an agency uploads: a .docx that docxtemplater can compile,
 * using only the tags of its kind. Returns the tags it uses.
 */
export function inspectTemplate(kind: DocumentKind, content: Buffer): string[] {
  const zip = openZip(content);
  const inspect = library.inspectModule()();
  try {
    new (library.templater())(zip, { ...options, errorLogging: false, modules: [inspect] });
  } catch (error) {
    const errors = (error as TemplateErrorDetail).properties?.errors ?? [error as TemplateErrorDetail];
    const first = errors[0];
    const what = first?.properties?.explanation ?? first?.message ?? '无法解析';
    throw new AppError('VALIDATION_FAILED', `模板中的标记有误：${what}`, { field: 'body.contentBase64' });
  }
  // SEC-11: {@name} inserts its value as Word XML: case text could rewrite a signed document.
  const raw = rawTags(inspect.getAllStructuredTags());
  if (raw.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `模板不得使用原样插入 XML 的标记：${raw.map((name) => `{@${name}}`).join('、')}（请改用 {字段名}）`,
      { field: 'body.contentBase64' },
    );
  const tags = collectTags(inspect.getAllTags());
  const allowed = allowedTags(kind);
  const unknown = tags.filter((tag) => !allowed.has(tag));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `模板使用了本文书没有的字段：${unknown.join('、')}（可用字段见文书种类说明）`,
      { field: 'body.contentBase64' },
    );
  }
  return tags;
}

function collectTags(tree: Record<string, unknown>, into = new Set<string>()): string[] {
  for (const [name, inner] of Object.entries(tree)) {
    into.add(name);
    if (inner && typeof inner === 'object') collectTags(inner as Record<string, unknown>, into);
  }
  return [...into].sort();
}

/** The rendered .docx. The template was checked when stored; data was checked by `dataSchema`. */
export function renderDocx(template: Buffer, data: DocumentData): Buffer {
  const doc = new (library.templater())(new (library.zip())(template), options);
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The plain text of word/document.xml's paragraphs (for tests and previews). */
export function docxText(content: Buffer): string {
  const xml = new (library.zip())(content).file('word/document.xml')?.asText() ?? '';
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[1] === undefined ? '\n' : m[1]))
        .join(''),
    )
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
