/**
 * Reads a CloudFormation/SAM YAML template into plain JSON-shaped data. The short-form intrinsic functions
 * (`!Ref X`, `!Sub '...'`, `!GetAtt A.B`, `!If [c, a, b]`, ...) become their long forms (`{ Ref: 'X' }`,
 * `{ 'Fn::Sub': '...' }`, `{ 'Fn::GetAtt': ['A', 'B'] }`), so the template test can inspect the template as
 * CloudFormation sees it. Used by test/template.test.ts and scripts/sync-edge.ts.
 */
import { parseDocument, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

/** Short tag → long key. `!Condition` is the form used inside `Fn::And`/`Fn::Or`/`Fn::Not`. */
const INTRINSICS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

function longForm(name: string, key: string, value: unknown): Record<string, unknown> {
  // `!GetAtt Resource.Attribute.Path` is the scalar spelling of ['Resource', 'Attribute.Path'].
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}

/** Every short form in its scalar, sequence and mapping spelling (YAML picks a tag by name and node kind). */
export const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.entries(INTRINSICS).flatMap(([name, key]) => {
  const tag = `!${name}`;
  const scalar: ScalarTag = { tag, resolve: (value: string) => longForm(name, key, value) };
  const collection = (kind: 'seq' | 'map'): CollectionTag => ({
    tag,
    collection: kind,
    resolve: (node: YAMLMap.Parsed | YAMLSeq.Parsed) => longForm(name, key, node.toJSON()),
  });
  return [scalar, collection('seq'), collection('map')];
});

/** Parses template text; throws on YAML errors and on tags it does not know (YAML only warns), naming the line. */
export function parseCfnYaml(text: string): unknown {
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(`template YAML: ${problems.map((p) => p.message).join('\n')}`);
  return doc.toJS({ maxAliasCount: 100 });
}
